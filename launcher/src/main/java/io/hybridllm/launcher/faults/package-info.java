/**
 * The fault-injection suite ({@code hybrid faults}): the whole simulated system under worker kills, broker and database
 * restarts, provider errors and outages, and poison on every topic and endpoint, with the checks that nothing accepted
 * is lost or answered twice. Plain threads; no framework.
 */
package io.hybridllm.launcher.faults;
