package io.eventpipe.local;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the command line of a server JVM: the same {@code java} that runs this process, the
 * server's flags and classpath, and its main class.
 *
 * <p>An attached server runs under {@link ParentWatchdog}, so it dies with this JVM. A detached
 * server ({@code ./pipeline up}) starts in its own session through {@code setsid}, so it outlives
 * the command line and ignores a Ctrl-C typed at it.
 */
final class JavaCommand {

    private final List<String> jvmOptions = new ArrayList<>();
    private final List<String> arguments = new ArrayList<>();
    private final String classpath;
    private final String mainClass;
    private final boolean detached;
    private final List<String> prefix = new ArrayList<>();

    JavaCommand(String classpath, String mainClass, boolean detached) {
        this.classpath = classpath;
        this.mainClass = mainClass;
        this.detached = detached;
    }

    JavaCommand jvmOptions(List<String> options) {
        jvmOptions.addAll(options);
        return this;
    }

    JavaCommand jvmOption(String option) {
        jvmOptions.add(option);
        return this;
    }

    JavaCommand arguments(List<String> args) {
        arguments.addAll(args);
        return this;
    }

    /** Runs the JVM through another program first, such as {@code setpriv}. */
    JavaCommand prefix(List<String> command) {
        prefix.addAll(command);
        return this;
    }

    List<String> build() {
        List<String> command = new ArrayList<>();
        if (detached && Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            command.add("/usr/bin/setsid");
        }
        command.addAll(prefix);
        command.add(javaExecutable());
        command.addAll(jvmOptions);
        command.add("-cp");
        if (detached) {
            command.add(classpath);
            command.add(mainClass);
        } else {
            command.add(classpath + File.pathSeparator + ownLocation());
            command.add(ParentWatchdog.class.getName());
            command.add(Long.toString(ProcessHandle.current().pid()));
            command.add(mainClass);
        }
        command.addAll(arguments);
        return command;
    }

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String ownLocation() {
        try {
            return Path.of(
                            ParentWatchdog.class
                                    .getProtectionDomain()
                                    .getCodeSource()
                                    .getLocation()
                                    .toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Cannot locate the local-stack classes", e);
        }
    }
}
