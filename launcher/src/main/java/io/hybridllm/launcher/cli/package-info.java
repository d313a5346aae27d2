/**
 * What the {@code hybrid} commands share on top of picocli: the context they run against, the Kafka connection options,
 * the group command that asks which subcommand, range checks refused as usage errors, and the error handling (usage
 * errors exit 2 and name the option).
 */
package io.hybridllm.launcher.cli;
