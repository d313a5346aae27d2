/**
 * {@code hybrid eval routing}: a router with the learned scorer is taught labelled prompts as worker outcomes and asked
 * to explain others; {@link io.hybridllm.launcher.eval.RoutingCurve} turns its scores into RouteLLM's routing metrics
 * (APGR, strong-call share for 50 % and 80 % of the gap) beside prompt-length and random baselines. {@code hybrid eval
 * make-data} writes this project's synthetic labelled prompts.
 */
package io.hybridllm.launcher.eval;
