package com.zhifang.features.spark;

import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsAction;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.io.nativeio.NativeIO;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/**
 * Hadoop's local file system ({@code file:} paths, with its {@code .crc} checksum files), setting
 * permissions through {@code java.nio} instead of a forked {@code chmod}.
 *
 * <p>Why: without Hadoop's native library (not shipped for Linux x86-64 in any Maven artifact, and
 * not packaged by Debian), {@link RawLocalFileSystem#setPermission} runs {@code chmod} in a child
 * process, and Hadoop sets permissions on every file it creates (the file and its {@code .crc})
 * and on every folder it makes: a process per file that every Parquet part, Delta commit and
 * checkpoint of an embedded run pays. Java's {@link Files#setPosixFilePermissions} makes the same
 * {@code chmod} system call in-process. When the native library is present, Hadoop's own path is
 * kept. Everything else is Hadoop's {@link LocalFileSystem}.
 *
 * <p>Set for embedded runs as {@code spark.hadoop.fs.file.impl} by {@link ZhifangSessions}.
 */
public final class NioLocalFileSystem extends LocalFileSystem {
    public NioLocalFileSystem() {
        super(new NioRawLocalFileSystem());
    }

    /** The raw (checksum-less) local file system with in-process permission changes. */
    static final class NioRawLocalFileSystem extends RawLocalFileSystem {
        @Override
        public void setPermission(Path p, FsPermission permission) throws IOException {
            if (NativeIO.isAvailable()) {
                super.setPermission(p, permission);
                return;
            }
            Files.setPosixFilePermissions(pathToFile(p).toPath(), toPosix(permission));
        }
    }

    /** The user, group and other bits of a Hadoop permission (sticky and set-id bits are not file permissions here). */
    static Set<PosixFilePermission> toPosix(FsPermission permission) {
        Set<PosixFilePermission> bits = EnumSet.noneOf(PosixFilePermission.class);
        add(bits, permission.getUserAction(), PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.OWNER_EXECUTE);
        add(bits, permission.getGroupAction(), PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
                PosixFilePermission.GROUP_EXECUTE);
        add(bits, permission.getOtherAction(), PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE,
                PosixFilePermission.OTHERS_EXECUTE);
        return bits;
    }

    private static void add(Set<PosixFilePermission> bits, FsAction action, PosixFilePermission read,
                            PosixFilePermission write, PosixFilePermission execute) {
        if (action.implies(FsAction.READ)) {
            bits.add(read);
        }
        if (action.implies(FsAction.WRITE)) {
            bits.add(write);
        }
        if (action.implies(FsAction.EXECUTE)) {
            bits.add(execute);
        }
    }
}
