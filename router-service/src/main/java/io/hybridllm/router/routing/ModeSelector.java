package io.hybridllm.router.routing;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;

import io.hybridllm.contracts.ControlEvent;
import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.policy.Policy;

/**
 * Which mode is in force for a request, and why. Budget safety wins: a budget switch from {@code llm.control} (for the
 * tenant, else global) overrides everything; then a context rule matching the request's file; then the schedule; then
 * {@code [ai] mode}. A switch naming a mode the policy does not define is ignored, so a bad event cannot stop routing.
 */
final class ModeSelector {

    /** Built-in file patterns for the seed's context rule names; any other name is itself a glob. */
    private static final Map<String, String> CONTEXTS = Map.of("test_files",
            "glob:{**/test/**,**/tests/**,**/*Test.java,**/*_test.go,**/test_*.py,**/*.test.ts,**/*.spec.ts}",
            "documentation", "glob:{**/*.md,**/*.rst,**/*.adoc,**/docs/**,**/doc/**}", "production_files",
            "glob:{**/src/main/**,**/src/*.py,**/lib/**,**/app/**,**/cmd/**}");

    record Mode(String name, String because) {
    }

    static Mode select(Policy policy, LlmRequest request, Optional<ControlEvent.ModeSwitch> budget, Instant now) {
        if (budget.isPresent() && budget.get().mode() != null && policy.routing().containsKey(budget.get().mode())) {
            return new Mode(budget.get().mode(), "budget (" + budget.get().scope() + "): " + budget.get().reason());
        }
        Policy.DynamicSwitching switching = policy.dynamicSwitching();
        if (switching.enabled()) {
            String file = request.hints().context().get("file");
            if (file != null) {
                for (Map.Entry<String, String> rule : switching.context().entrySet()) {
                    if (matches(rule.getKey(), file)) {
                        return new Mode(rule.getValue(), "context: " + rule.getKey() + " matches " + file);
                    }
                }
            }
            ZonedDateTime local = now.atZone(ZoneId.of(switching.timeZone()));
            for (Map.Entry<String, String> rule : switching.schedule().entrySet()) {
                if (inSchedule(rule.getKey(), local)) {
                    return new Mode(rule.getValue(), "schedule: " + rule.getKey() + " (" + switching.timeZone() + ")");
                }
            }
        }
        return new Mode(policy.ai().mode(), "ai.mode");
    }

    private static boolean matches(String rule, String file) {
        String pattern = CONTEXTS.getOrDefault(rule, "glob:" + rule);
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher(pattern);
        Path path = Path.of(file.startsWith("/") ? file : "/" + file);
        return matcher.matches(path);
    }

    private static boolean inSchedule(String rule, ZonedDateTime at) {
        boolean weekend = at.getDayOfWeek() == DayOfWeek.SATURDAY || at.getDayOfWeek() == DayOfWeek.SUNDAY;
        int hour = at.getHour();
        return switch (rule) {
            case "weekday_9_to_5" -> !weekend && hour >= 9 && hour < 17;
            case "weekday_evening" -> !weekend && (hour >= 17 || hour < 9);
            case "weekend" -> weekend;
            default -> false;
        };
    }

    private ModeSelector() {
    }
}
