package io.hybridllm.launcher;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;

import io.hybridllm.launcher.attack.AttackCommand;
import io.hybridllm.launcher.bench.BenchCommand;
import io.hybridllm.launcher.cli.Context;
import io.hybridllm.launcher.cli.Errors;
import io.hybridllm.launcher.cli.Help;
import io.hybridllm.launcher.cost.CostCommand;
import io.hybridllm.launcher.cost.JobCostsCommand;
import io.hybridllm.launcher.deploy.KafkaUserCommand;
import io.hybridllm.launcher.deploy.TopicsCommand;
import io.hybridllm.launcher.dlq.DlqCommand;
import io.hybridllm.launcher.eval.EvalCommand;
import io.hybridllm.launcher.examples.ExampleCommand;
import io.hybridllm.launcher.faults.FaultsCommand;
import io.hybridllm.launcher.submit.SubmitCommand;
import io.hybridllm.launcher.system.ConfigCommand;
import io.hybridllm.launcher.system.UpCommand;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The {@code hybrid} command: its subcommands, and {@code hybrid} alone prints them. */
@Command(name = "hybrid", synopsisSubcommandLabel = "<command>", description = "Run, load, test and operate "
        + "hybrid-llm on this machine. `./hybrid test` (the shell script) runs every test.", subcommands = {
                UpCommand.class, BenchCommand.class, AttackCommand.class, FaultsCommand.class, TopicsCommand.class,
                CostCommand.class, JobCostsCommand.class, SubmitCommand.class, DlqCommand.class, ExampleCommand.class,
                KafkaUserCommand.class, ConfigCommand.class, EvalCommand.class, Help.class })
public final class Hybrid implements Runnable {

    @Option(names = { "-h", "--help" }, usageHelp = true, scope = ScopeType.INHERIT, description = "This help.")
    boolean help;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The command line with its commands, handlers and streams; {@code execute(args)} returns the exit code. */
    public static CommandLine commandLine(Context context) {
        Errors errors = new Errors();
        Charset charset = context.out().charset();
        return new CommandLine(new Hybrid(), new Context.Factory(context))
                .setOut(new PrintWriter(context.out(), true, charset))
                .setErr(new PrintWriter(context.err(), true, context.err().charset())).setUsageHelpWidth(110)
                .setParameterExceptionHandler(errors).setExecutionExceptionHandler(errors);
    }

    public static void main(String[] args) {
        Path home = Path.of(System.getProperty("hybrid.home", ".")).toAbsolutePath().normalize();
        // Logs and the run's key; another directory lets a second system run beside the first (tests do).
        Path state = Path.of(System.getProperty("hybrid.state", home.resolve(".hybrid").toString())).toAbsolutePath();
        quietInfrastructureLogs(state);
        System.exit(commandLine(new Context(home, state, System.out, System.err)).execute(args));
    }

    private static void quietInfrastructureLogs(Path state) {
        // The embedded broker and database log through slf4j-simple; keep their chatter out of the terminal.
        System.setProperty("org.slf4j.simpleLogger.logFile",
                state.resolve("logs").resolve("infrastructure.log").toString());
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        state.resolve("logs").toFile().mkdirs();
    }

    private Hybrid() {
    }
}
