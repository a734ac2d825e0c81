package io.eventpipe.local;

import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Launcher for a server JVM that must not outlive the JVM that started it: it exits the server
 * (running the server's own shutdown hooks) as soon as the parent process is gone, even when the
 * parent was killed and its shutdown hooks never ran.
 *
 * <p>Arguments: the parent's pid, the server's main class, then the server's own arguments.
 */
public final class ParentWatchdog {

    /** Exit status of a server stopped because its parent died. */
    static final int ORPHANED_EXIT_CODE = 143;

    private ParentWatchdog() {}

    public static void main(String[] args) throws Exception {
        long parentPid = Long.parseLong(args[0]);
        ProcessHandle.of(parentPid)
                .ifPresentOrElse(
                        parent -> parent.onExit().thenRun(ParentWatchdog::exitOrphan),
                        ParentWatchdog::exitOrphan);
        Method main = Class.forName(args[1]).getMethod("main", String[].class);
        main.invoke(null, (Object) Arrays.copyOfRange(args, 2, args.length));
    }

    private static void exitOrphan() {
        System.err.println("eventpipe: the parent process is gone, stopping this server");
        System.exit(ORPHANED_EXIT_CODE);
    }
}
