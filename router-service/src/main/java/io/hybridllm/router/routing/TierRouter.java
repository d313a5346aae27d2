package io.hybridllm.router.routing;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.contracts.ProviderKind;
import io.hybridllm.contracts.RequestHints;
import io.hybridllm.contracts.RoutingDecision;
import io.hybridllm.contracts.Target;
import io.hybridllm.contracts.Tier;
import io.hybridllm.contracts.pricing.PriceCatalogue;
import io.hybridllm.embedding.Vectors;
import io.hybridllm.policy.Policy;
import io.hybridllm.policy.Policy.Provider;
import io.hybridllm.policy.Prices;
import io.hybridllm.policy.RouteResolver;
import io.hybridllm.policy.RouteResolver.Depth;
import io.hybridllm.router.control.ModeSwitchState;
import io.hybridllm.router.control.TierHealthState;
import io.hybridllm.router.privacy.SensitiveContentDetector;
import io.hybridllm.router.scoring.ComplexityScorer;

/**
 * Decides a request's tier and targets by the policy in force, in this order: the mode's route for the task type at the
 * request's depth (with the request's preferred provider first), then the budget wall (see {@link PaidWall}), then a
 * tier hint, then privacy, then a concrete model the request names (see {@link ModelPinning}), then what each target
 * can take (see {@link TargetFit}), then tier health. Every step that changes the outcome adds its reason to the
 * decision's rule.
 */
@Singleton
public class TierRouter {

    private final ComplexityScorer scorer;
    private final SensitiveContentDetector privacy;
    private final TierHealthState health;
    private final PolicyInForce policies;
    private final ModeSwitchState modeSwitches;
    private final Prices prices;

    @Inject
    public TierRouter(ComplexityScorer scorer, SensitiveContentDetector privacy, TierHealthState health,
            PolicyInForce policies, ModeSwitchState modeSwitches,
            @ConfigProperty(name = "hybrid.pricing.file") Optional<String> pricingFile) {
        this.scorer = scorer;
        this.privacy = privacy;
        this.health = health;
        this.policies = policies;
        this.modeSwitches = modeSwitches;
        this.prices = new Prices(
                pricingFile.map(Path::of).map(PriceCatalogue::load).orElseGet(PriceCatalogue::defaults));
    }

    /** With the price catalogue shipped in contracts. */
    public TierRouter(ComplexityScorer scorer, SensitiveContentDetector privacy, TierHealthState health,
            PolicyInForce policies, ModeSwitchState modeSwitches) {
        this(scorer, privacy, health, policies, modeSwitches, Optional.empty());
    }

    /** A target with the tier it runs on. */
    record Candidate(Tier tier, Target target) {
    }

    public RoutingDecision decide(LlmRequest request) {
        Policy policy = policies.current();
        ModeSelector.Mode selected = ModeSelector.select(policy, request, modeSwitches.forTenant(request.tenant()),
                Instant.now());
        String mode = selected.name();
        ComplexityScorer.Score score = scorer.score(request, policy.scoring());
        // Vectors have no harder form that a stronger model would serve better: the score is kept, not used.
        Depth depth = request.embeds() ? Depth.QUICK : RouteResolver.depth(score.value(), policy.scoring());
        RequestHints hints = request.hints();
        RouteResolver.Resolution route = RouteResolver.resolve(policy, mode, request.taskType(), depth,
                hints.provider());
        List<String> reasons = new ArrayList<>();
        reasons.add(String.format(Locale.ROOT, "mode %s, %s, %s depth (score %.3f)", mode, route.because(),
                depth.name().toLowerCase(Locale.ROOT), score.value()));
        if (!selected.because().equals("ai.mode")) {
            reasons.add("mode by " + selected.because());
        }
        if (score.rule() != null) {
            reasons.add(score.rule());
        }
        if (request.embeds()) {
            reasons.add("embed: the complexity score does not choose the tier, the route does (quick depth)");
        }
        Policy.TaskRule task = policy.taskTypes().get(request.taskType());
        if (task == null) {
            throw new UnroutableException(
                    "task type '" + request.taskType() + "' is not known to policy " + policy.version() + "; known: "
                            + policy.knownTaskTypes() + " (declare more under [task_types])",
                    decision(Tier.LOCAL_QUALITY, List.of(), score, reasons, policy, mode, request), false);
        }
        Optional<String> wall = PaidWall.why(policy, mode, modeSwitches.pauseFor(request.tenant()));
        List<Provider> allowed = route.providers();
        if (wall.isPresent()) {
            PaidWall.Walled walled = PaidWall.apply(allowed, wall.get());
            walled.reason().ifPresent(reasons::add);
            allowed = walled.providers();
            if (allowed.isEmpty()) {
                allowed = localProviders(policy);
                reasons.add("the route has no local provider: using the local providers of ai.fallback_chain");
            }
        }
        TaskCapability.Kept capable = TaskCapability.apply(allowed, request);
        capable.reason().ifPresent(reasons::add);
        allowed = capable.providers();
        if (allowed.isEmpty()) {
            throw new UnroutableException(TaskCapability.none(request, route.because()),
                    decision(Tier.LOCAL_QUALITY, List.of(), score, reasons, policy, mode, request), false);
        }
        List<Candidate> candidates = candidates(inRegion(allowed, hints.region()), depth);
        if (hints.region() != null) {
            reasons.add("region " + hints.region() + ": only providers there"
                    + (candidates.isEmpty() ? " (none on this route)" : ""));
        }

        // A request's tier hint, else its task type's tier (seed 001's action tier overrides).
        Tier tier = hints.tier() != null ? hints.tier() : task.tier();
        if (tier != null) {
            String by = hints.tier() != null ? "hint: tier " : "task_types." + request.taskType() + ": tier ";
            List<Candidate> hinted = candidates.stream().filter(c -> c.tier() == tier).toList();
            reasons.add(by + tier.wireName() + (hinted.isEmpty() ? " has no provider on this route, ignored"
                    : hints.tier() != null ? " requested" : ""));
            candidates = hinted.isEmpty() ? candidates : hinted;
        }
        Optional<String> mustStayLocal = privacy.mustStayLocal(request);
        if (mustStayLocal.isPresent() && candidates.stream().anyMatch(c -> !c.tier().isLocal())) {
            List<Candidate> local = candidates.stream().filter(c -> c.tier().isLocal()).toList();
            if (local.isEmpty()) {
                local = candidates(
                        inRegion(TaskCapability.apply(localProviders(policy), request).providers(), hints.region()),
                        depth);
                reasons.add("privacy: " + mustStayLocal.get() + ", stays local (the route has no local provider;"
                        + " using the local providers of ai.fallback_chain)");
            } else {
                reasons.add("privacy: " + mustStayLocal.get() + ", stays local");
            }
            candidates = local;
        }
        Optional<String> model = ModelPinning.wanted(request);
        if (model.isPresent()) {
            ModelPinning.Pinned pinned = ModelPinning.pin(policy, model.get(), hints.provider(), candidates);
            reasons.add(pinned.reason());
            if (pinned.candidates().isEmpty()) {
                throw new UnroutableException(
                        ModelPinning.unserved(model.get(), route.because(), mustStayLocal.or(() -> wall)),
                        decision(Tier.CLOUD, candidates, score, reasons, policy, mode, request), false);
            }
            candidates = pinned.candidates();
        }
        TargetFit.Fit fit = TargetFit.apply(policy, request, candidates);
        fit.reason().ifPresent(reasons::add);
        if (fit.candidates().isEmpty() && !candidates.isEmpty()) {
            throw new UnroutableException(TargetFit.unfit(fit.reason().orElseThrow(), route.because()),
                    decision(candidates.getFirst().tier(), candidates, score, reasons, policy, mode, request), false);
        }
        candidates = fit.candidates();
        boolean budgetInForce = policy.cost().monthlyBudgetUsd() != null || policy.cost().dailyBudgetUsd() != null
                || modeSwitches.forTenant(request.tenant()).isPresent()
                || modeSwitches.pauseFor(request.tenant()).isPresent();
        UnpricedModelRefusal.Kept priced = UnpricedModelRefusal.apply(policy, prices.under(policy), candidates,
                budgetInForce);
        priced.reason().ifPresent(reasons::add);
        if (priced.candidates().isEmpty() && !candidates.isEmpty()) {
            throw new UnroutableException(priced.reason().orElseThrow() + "; no other provider may serve it",
                    decision(Tier.CLOUD, candidates, score, reasons, policy, mode, request), false);
        }
        candidates = priced.candidates();
        Candidate wanted = candidates.isEmpty() ? null : candidates.getFirst();
        // A tier's health is whether it can chat; a model inside every local worker (in-process) is there regardless.
        List<Candidate> usable = candidates.stream()
                .filter(c -> health.isHealthy(c.tier()) || inProcess(policy, c.target().provider())).toList();
        if (usable.isEmpty()) {
            // Only a candidate that is down may come back: with none at all (region, privacy, mode, the wall, a
            // disabled provider), holding the request would only pin its offset and memory until its deadline.
            throw new UnroutableException(unroutable(candidates, mustStayLocal.or(() -> wall), route),
                    decision(wanted == null ? Tier.LOCAL_QUALITY : wanted.tier(), candidates, score, reasons, policy,
                            mode, request),
                    !candidates.isEmpty());
        }
        if (usable.getFirst() != wanted) {
            reasons.add("health: " + wanted.tier().wireName() + " is unhealthy (" + health.why(wanted.tier()) + ")");
        }
        Candidate first = usable.getFirst();
        reasons.add(
                "-> " + first.target().provider() + "/" + first.target().model() + " on " + first.tier().wireName());
        return decision(first.tier(), usable, score, reasons, policy, mode, request);
    }

    private static boolean inProcess(Policy policy, String provider) {
        Policy.Provider declared = policy.providers().get(provider);
        return declared != null && declared.kind() == ProviderKind.IN_PROCESS;
    }

    private static RoutingDecision decision(Tier tier, List<Candidate> candidates, ComplexityScorer.Score score,
            List<String> reasons, Policy policy, String mode, LlmRequest request) {
        List<Target> targets = candidates.stream()
                .map(c -> new Target(c.target().provider(), c.target().model(), c.tier())).toList();
        RoutingDecision.Escalation escalation = new RoutingDecision.Escalation(
                policy.quality().thresholdFor(request.taskType()), policy.quality().maxAttempts());
        return new RoutingDecision(tier, targets.isEmpty() ? List.of(new Target("none", null)) : targets, score.value(),
                score.factors(), String.join("; ", reasons), mode, policy.version(), null, escalation, null,
                score.embedding() == null ? null : Vectors.toBase64(score.embedding()));
    }

    /**
     * Local providers run on local-fast for quick requests and on local-quality otherwise, as their models allow; cloud
     * providers run on the cloud tier.
     */
    private static List<Candidate> candidates(List<Provider> providers, Depth depth) {
        List<Candidate> candidates = new ArrayList<>();
        for (Provider provider : providers) {
            if (!provider.isLocal()) {
                candidates.add(new Candidate(Tier.CLOUD, new Target(provider.name(), provider.model())));
                continue;
            }
            Tier tier = depth == Depth.QUICK ? Tier.LOCAL_FAST : Tier.LOCAL_QUALITY;
            if (!provider.tierModels().isEmpty() && !provider.tierModels().containsKey(tier)) {
                tier = tier == Tier.LOCAL_FAST ? Tier.LOCAL_QUALITY : Tier.LOCAL_FAST;
            }
            candidates.add(new Candidate(tier, new Target(provider.name(), localModel(provider, tier))));
            if (tier == Tier.LOCAL_FAST && provider.tierModels().containsKey(Tier.LOCAL_QUALITY)) {
                // A quick request escalates to the same provider's better model before it leaves the building.
                candidates.add(new Candidate(Tier.LOCAL_QUALITY,
                        new Target(provider.name(), localModel(provider, Tier.LOCAL_QUALITY))));
            }
        }
        return candidates;
    }

    private static String localModel(Provider provider, Tier tier) {
        return provider.tierModels().getOrDefault(tier,
                provider.model() != null ? provider.model() : provider.models().stream().findFirst().orElse(null));
    }

    private static List<Provider> localProviders(Policy policy) {
        return policy.ai().fallbackChain().stream().map(policy.providers()::get).filter(p -> p.enabled() && p.isLocal())
                .toList();
    }

    /**
     * A request pinned to a region goes only to providers declared in it. A local provider without a region runs on the
     * operator's own machines and counts as anywhere; a cloud provider without one is not assumed to comply.
     */
    private static List<Provider> inRegion(List<Provider> providers, String region) {
        if (region == null) {
            return providers;
        }
        return providers.stream()
                .filter(p -> region.equalsIgnoreCase(p.region()) || (p.isLocal() && p.region() == null)).toList();
    }

    private String unroutable(List<Candidate> candidates, Optional<String> mustStayLocal,
            RouteResolver.Resolution route) {
        StringBuilder reason = new StringBuilder("no usable provider for this request (route: ").append(route.because())
                .append(')');
        mustStayLocal.ifPresent(why -> reason.append("; cloud not allowed, ").append(why));
        if (candidates.isEmpty()) {
            reason.append("; no enabled provider is left to try (a region pin or the route allows none)");
        }
        for (Candidate candidate : candidates) {
            reason.append("; ").append(candidate.target().provider()).append(" on ").append(candidate.tier().wireName())
                    .append(": tier unhealthy, ").append(health.why(candidate.tier()));
        }
        return reason.toString();
    }
}
