package io.hybridllm.launcher.cli;

import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;

import picocli.CommandLine;

/**
 * What every command runs against: the checkout ({@code home}), the state directory of {@code ./hybrid up} (logs, its
 * administrator's Kafka properties) and the streams to print to. Tests pass their own, so a command runs in-process.
 */
public record Context(Path home, Path state, PrintStream out, PrintStream err) {

    /** Creates each command with the context when it takes one, else as picocli would. */
    public record Factory(Context context) implements CommandLine.IFactory {

        @Override
        public <K> K create(Class<K> type) throws Exception {
            try {
                var constructor = type.getDeclaredConstructor(Context.class);
                constructor.setAccessible(true);
                return constructor.newInstance(context);
            } catch (NoSuchMethodException e) {
                return CommandLine.defaultFactory().create(type);
            } catch (InvocationTargetException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
        }
    }
}
