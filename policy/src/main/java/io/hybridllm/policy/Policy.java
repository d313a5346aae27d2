package io.hybridllm.policy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.hybridllm.contracts.ProviderKind;
import io.hybridllm.contracts.TaskType;
import io.hybridllm.contracts.Tier;

/** A validated policy: every name it uses resolves, every number is in range. */
public record Policy(String version, Ai ai, Scoring scoring, Map<String, Provider> providers,
        Map<TaskType, TaskRule> taskTypes, Map<String, Map<TaskType, Route>> routing, Cost cost, Health health,
        DynamicSwitching dynamicSwitching, Quality quality, Cache cache) {

    /**
     * A task type this policy knows: every built-in one, and those {@code [task_types]} declares (seed 001's daemon
     * actions). With a {@code tier}, requests of the type go to that tier wherever their route has a provider there
     * (seed 001's action tier overrides); without, they follow their routes like any other.
     */
    public record TaskRule(TaskType type, Tier tier) {
    }

    /** The task types a request may name, in the policy's order, for a refusal to list. */
    public String knownTaskTypes() {
        return String.join(", ", taskTypes.keySet().stream().map(TaskType::name).toList());
    }

    public record Ai(String mode, String primaryProvider, List<String> fallbackChain) {
    }

    /**
     * How the complexity score is made ({@code [scoring]}): the fixed formula's thresholds and weights, and whether the
     * estimate learned from past outcomes replaces it ({@code learned}), is blended into it ({@code blend}) or is not
     * consulted ({@code heuristic}).
     */
    public record Scoring(double localFastBelow, double localQualityBelow, Weights weights, ScoringMethod method,
            Learned learned) {

        /** The fixed formula alone, as before the learned scorer. */
        public Scoring(double localFastBelow, double localQualityBelow, Weights weights) {
            this(localFastBelow, localQualityBelow, weights, ScoringMethod.HEURISTIC, Learned.DEFAULTS);
        }

        public boolean learns() {
            return method != ScoringMethod.HEURISTIC;
        }
    }

    public record Weights(double length, double keywords, double code, double taskType, double depth) {
    }

    /** The values of {@code [scoring] method}. */
    public enum ScoringMethod {
        HEURISTIC, LEARNED, BLEND
    }

    /**
     * {@code [scoring.learned]}: {@code weight} is the learned estimate's share of the score (1 with method learned);
     * the {@code neighbours} most similar past outcomes of the tenant at least {@code minSimilarity} alike are
     * consulted, and fewer than {@code minNeighbours} of them give no opinion. An estimate at or above
     * {@code straightAbove} sends the request past the local tiers. Each tenant keeps its newest {@code maxOutcomes}.
     */
    public record Learned(double weight, int neighbours, int minNeighbours, double minSimilarity, double straightAbove,
            int maxOutcomes) {

        public static final Learned DEFAULTS = new Learned(0.5, 10, 3, 0.5, 0.8, 5000);
    }

    /**
     * One provider as the operator names it. Null values are unset: the workers then use the kind's defaults and their
     * own (docs/workers.md says which). {@code apiKeyEnv} may name several variables, comma-separated: calls rotate
     * over their keys. {@code capabilities} and {@code modelCapabilities} are the policy's layers over the built-in
     * ones ({@link Capabilities#of}).
     */
    public record Provider(String name, ProviderKind kind, boolean enabled, String baseUrl, String model,
            List<String> models, Map<Tier, String> tierModels, String apiKeyEnv, Duration timeout,
            Integer maxConcurrentRequests, Integer maxTokens, Integer rateLimitRpm, Integer rateLimitTpm, String region,
            Capabilities capabilities, Map<String, Capabilities> modelCapabilities) {

        public boolean isLocal() {
            return kind.isLocal();
        }

        /** The variables the keys are read from: {@code api_key_env}'s, else the kind's default; maybe none. */
        public List<String> keyVariables() {
            String names = apiKeyEnv != null ? apiKeyEnv : kind.defaultKeyEnv();
            return names == null ? List.of()
                    : Arrays.stream(names.split(",")).map(String::strip).filter(n -> !n.isEmpty()).toList();
        }
    }

    /** How a task type is routed in a mode: the seed's four shapes. */
    public sealed interface Route {

        /** Providers in order: the first is primary, the rest the escalation path. One provider is a chain of one. */
        record Chain(List<String> providers) implements Route {
        }

        /** A route per depth, chosen by the complexity score: quick, normal, deep. */
        record ByDepth(Route quick, Route normal, Route deep) implements Route {
        }

        /** One provider with a fallback, whose answers may be cached for a while. */
        /** {@code cacheTtlHours} null when unset: {@code [cache] default_ttl_hours} then applies. */
        record Cached(String provider, String fallback, Integer cacheTtlHours) implements Route {
        }
    }

    /**
     * {@code unpricedModels}: what a paid call to a model the price catalogue does not list gets while a budget is in
     * force: counted at the most it could cost ({@code most_expensive}), or refused by the router ({@code refuse}).
     */
    public record Cost(BigDecimal monthlyBudgetUsd, BigDecimal dailyBudgetUsd, int warnAtPercent, int pauseAtPercent,
            boolean trackUsage, Map<String, ProviderPrice> providers, UnpricedModels unpricedModels) {
    }

    /** The values of {@code [cost] unpriced_models}. */
    public enum UnpricedModels {
        MOST_EXPENSIVE, REFUSE
    }

    public record ProviderPrice(String pricingModel, BigDecimal inputCostPer1mTokens, BigDecimal outputCostPer1mTokens,
            BigDecimal monthlyCost) {
    }

    /**
     * {@code checkIntervalSeconds} and {@code failureThreshold} are null when unset: the workers then keep their own
     * ({@code hybrid.worker.health.interval} and {@code .failure-threshold}).
     */
    public record Health(Integer checkIntervalSeconds, boolean autoDisableOnFailure, boolean autoEnableOnRecovery,
            Integer failureThreshold, Map<String, HealthCheck> providers) {
    }

    public record HealthCheck(String pingEndpoint, List<String> expectedModels, String testPrompt,
            Integer maxResponseTimeMs, boolean checkAuth) {
    }

    /** Budget rules by percent of budget used, ascending; schedule and context rules by name. */
    public record DynamicSwitching(boolean enabled, List<BudgetRule> budgetRules, Map<String, String> schedule,
            String timeZone, Map<String, String> context) {
    }

    public record BudgetRule(int atPercent, String mode) {
    }

    /**
     * The quality a local answer needs (seed 001's quality check): below {@code threshold} (or its task type's own) it
     * escalates to the next tier, as long as the request has had fewer than {@code maxAttempts} attempts.
     */
    public record Quality(double threshold, int maxAttempts, Map<TaskType, Double> taskTypes) {

        public double thresholdFor(TaskType type) {
            return taskTypes.getOrDefault(type, threshold);
        }
    }

    /**
     * The response cache ({@code [cache]}). A request is cached for its route's {@code cache_ttl_hours} if it has one,
     * else {@code defaultTtlHours} (0: not cached); never when {@code enabled} is false, nor when it is sensitive
     * unless {@code sensitiveAllowed}. Task types in {@code semanticTaskTypes} also hit on a cached request whose
     * embedding is at least {@code similarity} alike. The bounds hold on each router replica's index.
     */
    public record Cache(boolean enabled, int defaultTtlHours, List<TaskType> semanticTaskTypes, double similarity,
            int maxEntries, int maxEntriesPerTenant, long maxBytes, long maxBytesPerTenant, boolean sensitiveAllowed) {

        /** The lifetime of {@code type}'s answers in {@code mode}, in hours; 0 when they are not cached. */
        public int ttlHours(Policy policy, String mode, TaskType type) {
            if (!enabled) {
                return 0;
            }
            Route route = policy.routing().getOrDefault(mode, Map.of()).get(type);
            return route instanceof Route.Cached cached && cached.cacheTtlHours() != null ? cached.cacheTtlHours()
                    : defaultTtlHours;
        }
    }
}
