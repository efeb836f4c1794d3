package com.zhifang.features.spark;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NioLocalFileSystemTest {
    @TempDir
    java.nio.file.Path tmp;

    @Test
    void permissionBitsMapOneToOne() {
        assertEquals(PosixFilePermissions.fromString("rwxr-x---"), NioLocalFileSystem.toPosix(new FsPermission((short) 0750)));
        assertEquals(PosixFilePermissions.fromString("rw-r--r--"), NioLocalFileSystem.toPosix(new FsPermission((short) 0644)));
        assertEquals(PosixFilePermissions.fromString("---------"), NioLocalFileSystem.toPosix(new FsPermission((short) 0)));
    }

    @Test
    void filesAndFoldersGetTheRequestedPermissionsAndTheirChecksums() throws IOException {
        Configuration conf = new Configuration(false);
        conf.set("fs.file.impl", NioLocalFileSystem.class.getName());
        conf.set("fs.permissions.umask-mode", "022");
        conf.setBoolean("fs.file.impl.disable.cache", true);
        try (FileSystem fs = FileSystem.get(URI.create("file:///"), conf)) {
            assertTrue(fs instanceof NioLocalFileSystem, fs.getClass().getName());
            Path folder = new Path(tmp.resolve("a/b").toUri());
            assertTrue(fs.mkdirs(folder, new FsPermission((short) 0750)));
            Path file = new Path(folder, "part-0.parquet");
            try (FSDataOutputStream out = fs.create(file, new FsPermission((short) 0640), true, 4096, (short) 1, 1 << 20, null)) {
                out.writeBytes("rows");
            }
            assertEquals("rwxr-x---", PosixFilePermissions.toString(Files.getPosixFilePermissions(tmp.resolve("a/b"))));
            assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(tmp.resolve("a/b/part-0.parquet"))));
            assertTrue(Files.exists(tmp.resolve("a/b/.part-0.parquet.crc")), "the checksum file beside the data");
            fs.setPermission(file, new FsPermission((short) 0600));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(tmp.resolve("a/b/part-0.parquet"))));
            assertEquals(new FsPermission((short) 0600), fs.getFileStatus(file).getPermission(), "Hadoop reads back what was set");
        }
    }
}
