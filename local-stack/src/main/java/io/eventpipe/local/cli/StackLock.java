package io.eventpipe.local.cli;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Keeps two {@code ./pipeline up} or {@code down} from changing the stack at once: both would start
 * or stop the same servers and overwrite each other's state file. The operating system releases the
 * lock when the process ends, however it ends.
 */
final class StackLock implements AutoCloseable {

    private final FileChannel channel;

    private StackLock(FileChannel channel) {
        this.channel = channel;
    }

    /** The lock, or empty when another process holds it. */
    static Optional<StackLock> tryAcquire(StackLayout layout) throws IOException {
        Files.createDirectories(layout.stateDir());
        FileChannel channel =
                FileChannel.open(
                        layout.stateDir().resolve("lock"),
                        StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock(); // null when another process holds it
        } catch (OverlappingFileLockException heldInThisProcess) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            return Optional.empty();
        }
        return Optional.of(new StackLock(channel));
    }

    /** The work of a command that changes the stack. */
    interface Work {
        int run() throws Exception;
    }

    /**
     * Runs the command's work while holding the lock; when another process holds it, says so and
     * returns 1 without running it.
     */
    static int whileHeld(CommandSpec spec, Work work) throws Exception {
        Optional<StackLock> lock = tryAcquire(StackLayout.fromEnvironment());
        if (lock.isEmpty()) {
            spec.commandLine()
                    .getErr()
                    .println(
                            "Another ./pipeline up or down is running in this checkout; "
                                    + spec.name()
                                    + " did nothing. Wait for it to finish, then try again.");
            return 1;
        }
        try (StackLock held = lock.get()) {
            return work.run();
        }
    }

    @Override
    public void close() throws IOException {
        channel.close(); // releases the lock
    }
}
