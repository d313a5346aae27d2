/**
 * The operator's routing policy: one TOML file in the shape of the project's seed configuration (modes, providers,
 * per-task routing per mode, cost, health, dynamic switching), looked up in layers and merged key by key, then
 * validated as a whole. Every problem is reported with the file and key it comes from and why, all at once, so that an
 * operator fixes a file in one pass. A library: it depends on contracts only.
 */
package io.hybridllm.policy;
