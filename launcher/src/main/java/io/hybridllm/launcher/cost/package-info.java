/**
 * {@code hybrid cost simulate}: a workload mix ({@link io.hybridllm.launcher.cost.WorkloadMix}) priced through the
 * routing policy's routes ({@code RouteResolver}, shared with the router) and the price catalogue, pure API against
 * hybrid ({@link io.hybridllm.launcher.cost.CostSimulator}). Plain Java, no service involved.
 */
package io.hybridllm.launcher.cost;
