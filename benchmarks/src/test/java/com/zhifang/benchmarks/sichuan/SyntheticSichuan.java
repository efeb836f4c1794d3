package com.zhifang.benchmarks.sichuan;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.TreeSet;
import java.util.zip.GZIPOutputStream;

/**
 * A small dataset in the Sichuan files' layout: {@code features.csv.gz} (node, phone_no_m, three
 * behaviour features with some empty cells, label) and {@code edges.csv.gz} (each undirected pair
 * once, lower index first, as in the real file). About 30 % fraud; fraud shows in one feature and
 * in the graph (fraud mostly calls fraud, and more often), so a working pipeline separates it well.
 */
final class SyntheticSichuan {
    private SyntheticSichuan() {}

    static void write(Path directory, int nodes, long seed) throws IOException {
        Random random = new Random(seed);
        int[] labels = new int[nodes];
        for (int i = 0; i < nodes; i++) {
            labels[i] = random.nextDouble() < 0.3 ? 1 : 0;
        }
        try (PrintWriter out = gzipWriter(directory.resolve(SichuanData.FEATURES_FILE))) {
            out.println("node,phone_no_m,call_count,noise,arpu_mean,label");
            for (int i = 0; i < nodes; i++) {
                double calls = labels[i] == 1 ? 3 + random.nextGaussian() : random.nextGaussian();
                String arpu = random.nextDouble() < 0.1 ? "" : String.valueOf(50 + 10 * random.nextGaussian());
                out.printf("%d,%064x,%s,%s,%s,%d%n", i, (long) i * 2654435761L, calls, random.nextGaussian(), arpu, labels[i]);
            }
        }
        TreeSet<String> pairs = new TreeSet<>();
        for (int i = 0; i < nodes; i++) {
            int contacts = labels[i] == 1 ? 8 : 3;
            for (int c = 0; c < contacts; c++) {
                boolean sameClass = random.nextDouble() < 0.85;
                int other;
                do {
                    other = random.nextInt(nodes);
                } while (other == i || (labels[other] == labels[i]) != sameClass);
                pairs.add(Math.min(i, other) + "," + Math.max(i, other));
            }
        }
        try (PrintWriter out = gzipWriter(directory.resolve(SichuanData.EDGES_FILE))) {
            out.println("src,dst");
            pairs.forEach(out::println);
        }
    }

    private static PrintWriter gzipWriter(Path file) throws IOException {
        OutputStream gzip = new GZIPOutputStream(Files.newOutputStream(file));
        return new PrintWriter(new OutputStreamWriter(gzip, StandardCharsets.UTF_8));
    }
}
