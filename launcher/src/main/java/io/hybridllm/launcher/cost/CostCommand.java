package io.hybridllm.launcher.cost;

import io.hybridllm.launcher.cli.Group;

import picocli.CommandLine.Command;

/** {@code hybrid cost simulate}. */
@Command(name = "cost", description = "Price a workload before it runs.", subcommands = CostSimulateCommand.class)
public final class CostCommand extends Group {
}
