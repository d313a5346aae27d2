/**
 * The router: consumes {@code llm.requests}, scores each request's complexity, chooses its tier and targets, and
 * publishes the request with the decision and its reasons to the tier's topic. Scoring is pure CPU work of well under a
 * millisecond (a few when learned scoring or a semantic cache lookup embeds the prompt), so the pipeline stays on the
 * event loop; there is no blocking code in this service.
 */
package io.hybridllm.router;
