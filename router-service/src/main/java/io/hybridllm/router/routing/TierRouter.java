package io.hybridllm.router.routing;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Singleton;

import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.contracts.RequestHints;
import io.hybridllm.contracts.RoutingDecision;
import io.hybridllm.contracts.Target;
import io.hybridllm.contracts.Tier;
import io.hybridllm.router.control.TierHealthState;
import io.hybridllm.router.privacy.SensitiveContentDetector;
import io.hybridllm.router.scoring.ComplexityScorer;
import io.quarkus.runtime.Startup;

/** Decides a request's tier and targets from its score and hints, and records the rule that decided. */
@Singleton
@Startup
public class TierRouter {

    private final ComplexityScorer scorer;
    private final SensitiveContentDetector privacy;
    private final TierHealthState health;
    private final RoutingConfig config;
    private final Map<Tier, List<Target>> targets;

    public TierRouter(ComplexityScorer scorer, SensitiveContentDetector privacy, TierHealthState health,
            RoutingConfig config) {
        this.scorer = scorer;
        this.privacy = privacy;
        this.health = health;
        this.config = config;
        this.targets = parseTargets(config);
        double fast = config.thresholds().localFastBelow();
        double quality = config.thresholds().localQualityBelow();
        if (!(0 <= fast && fast <= quality && quality <= 1)) {
            throw new IllegalArgumentException("hybrid.router.thresholds: need 0 <= local-fast-below (" + fast
                    + ") <= local-quality-below (" + quality + ") <= 1");
        }
    }

    public RoutingDecision decide(LlmRequest request) {
        ComplexityScorer.Score score = scorer.score(request);
        RequestHints hints = request.hints();
        Tier tier;
        String rule;
        if (hints.tier() != null) {
            tier = hints.tier();
            rule = "hint: tier " + tier.wireName() + " requested";
        } else {
            tier = byScore(score.value());
            rule = byScoreRule(score.value(), tier);
        }
        Optional<String> mustStayLocal = privacy.mustStayLocal(request);
        if (mustStayLocal.isPresent() && !tier.isLocal()) {
            tier = Tier.LOCAL_QUALITY;
            rule = "privacy: " + mustStayLocal.get() + ", stays local (" + rule + ")";
        }
        Tier wanted = tier;
        List<Tier> usable = escalation(wanted).stream()
                .filter(candidate -> candidate.isLocal() || mustStayLocal.isEmpty()).filter(health::isHealthy).toList();
        if (usable.isEmpty()) {
            throw new UnroutableException(unroutable(wanted, mustStayLocal), decision(wanted, rule, score, hints));
        }
        tier = usable.getFirst();
        if (tier != wanted) {
            rule = "health: " + wanted.wireName() + " is unhealthy (" + health.why(wanted) + "), using "
                    + tier.wireName() + " (" + rule + ")";
        }
        return decision(tier, rule, score, hints);
    }

    private RoutingDecision decision(Tier tier, String rule, ComplexityScorer.Score score, RequestHints hints) {
        return new RoutingDecision(tier, targetsFor(tier, hints.provider()), score.value(), score.factors(), rule,
                config.mode(), config.policyVersion(), null);
    }

    /** The wanted tier first, then up to better answers, then down to whatever still answers. */
    private static List<Tier> escalation(Tier wanted) {
        return switch (wanted) {
            case LOCAL_FAST -> List.of(Tier.LOCAL_FAST, Tier.LOCAL_QUALITY, Tier.CLOUD);
            case LOCAL_QUALITY -> List.of(Tier.LOCAL_QUALITY, Tier.CLOUD, Tier.LOCAL_FAST);
            case CLOUD -> List.of(Tier.CLOUD, Tier.LOCAL_QUALITY, Tier.LOCAL_FAST);
        };
    }

    private String unroutable(Tier wanted, Optional<String> mustStayLocal) {
        StringBuilder reason = new StringBuilder("no usable tier for this request (wanted ").append(wanted.wireName())
                .append("):");
        for (Tier tier : escalation(wanted)) {
            if (!tier.isLocal() && mustStayLocal.isPresent()) {
                reason.append(" cloud not allowed, ").append(mustStayLocal.get()).append(';');
            } else {
                reason.append(' ').append(tier.wireName()).append(" unhealthy: ").append(health.why(tier)).append(';');
            }
        }
        return reason.substring(0, reason.length() - 1);
    }

    private Tier byScore(double score) {
        if (score < config.thresholds().localFastBelow()) {
            return Tier.LOCAL_FAST;
        }
        return score < config.thresholds().localQualityBelow() ? Tier.LOCAL_QUALITY : Tier.CLOUD;
    }

    private String byScoreRule(double score, Tier tier) {
        return switch (tier) {
            case LOCAL_FAST -> String.format(Locale.ROOT, "score %.3f < %.2f: local-fast", score,
                    config.thresholds().localFastBelow());
            case LOCAL_QUALITY -> String.format(Locale.ROOT, "score %.3f < %.2f: local-quality", score,
                    config.thresholds().localQualityBelow());
            case CLOUD -> String.format(Locale.ROOT, "score %.3f >= %.2f: cloud", score,
                    config.thresholds().localQualityBelow());
        };
    }

    /** The tier's targets, with a preferred provider moved to the front when the tier has it. */
    private List<Target> targetsFor(Tier tier, String preferredProvider) {
        List<Target> ordered = new ArrayList<>(targets.get(tier));
        if (preferredProvider != null) {
            ordered.sort((a, b) -> Boolean.compare(!a.provider().equals(preferredProvider),
                    !b.provider().equals(preferredProvider)));
        }
        return ordered;
    }

    private static Map<Tier, List<Target>> parseTargets(RoutingConfig config) {
        Map<Tier, List<Target>> parsed = new EnumMap<>(Tier.class);
        for (Tier tier : Tier.values()) {
            String key = "hybrid.router.targets." + tier.wireName();
            List<String> entries = config.targets().get(tier.wireName());
            if (entries == null || entries.isEmpty()) {
                throw new IllegalArgumentException(key + ": every tier needs at least one provider/model target");
            }
            List<Target> list = new ArrayList<>();
            for (String entry : entries) {
                int slash = entry.indexOf('/');
                if (slash <= 0 || slash == entry.length() - 1) {
                    throw new IllegalArgumentException(key + ": '" + entry + "' is not provider/model");
                }
                list.add(new Target(entry.substring(0, slash).trim(), entry.substring(slash + 1).trim()));
            }
            parsed.put(tier, List.copyOf(list));
        }
        return parsed;
    }
}
