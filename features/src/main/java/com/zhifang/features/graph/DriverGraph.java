package com.zhifang.features.graph;

import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * A directed graph small enough to be held on the driver, with the algorithms of
 * {@link GraphAlgorithms} computed in plain loops and the same results as GraphX's: the same
 * vertices and definitions, PageRank's per-edge arithmetic as GraphX does it (its sums may differ
 * in the last bits, being added in another order; {@code DriverGraphTest} allows 1e-12).
 *
 * <p>Why: on the graphs of a small operator's day (a few thousand to a few hundred thousand
 * edges) each GraphX round is a Spark job whose scheduling costs far more than its arithmetic, and
 * PageRank alone runs one job per iteration. Held as primitive arrays, E edges cost about 24 E
 * bytes; {@link GraphAlgorithms} sends a graph here only below its edge limit.
 *
 * <p>Vertices are the distinct ends of the edges (ascending ids, indexed 0..n-1); edges keep their
 * repeats and self-loops, as GraphX does.
 */
final class DriverGraph {
    private final long[] ids;
    private final int[] src;
    private final int[] dst;

    private DriverGraph(long[] ids, int[] src, int[] dst) {
        this.ids = ids;
        this.src = src;
        this.dst = dst;
    }

    /** @param ends source and destination of each edge, interleaved */
    static DriverGraph of(long[] ends) {
        long[] ids = Arrays.stream(ends).sorted().distinct().toArray();
        int edges = ends.length / 2;
        int[] src = new int[edges];
        int[] dst = new int[edges];
        for (int e = 0; e < edges; e++) {
            src[e] = Arrays.binarySearch(ids, ends[2 * e]);
            dst[e] = Arrays.binarySearch(ids, ends[2 * e + 1]);
        }
        return new DriverGraph(ids, src, dst);
    }

    int vertexCount() {
        return ids.length;
    }

    long id(int vertex) {
        return ids[vertex];
    }

    /** The index of a vertex id, or -1 when no edge touches it. */
    int indexOf(long id) {
        int i = Arrays.binarySearch(ids, id);
        return i < 0 ? -1 : i;
    }

    /**
     * GraphX's {@code PageRank.runWithOptions(graph, iterations, resetProbability, source,
     * normalized = true)}: every vertex starts at 1 (only {@code source} when personalised); each
     * round a vertex receives the sum over its in-edges of rank(src) x (1 / outDegree(src)) and
     * becomes reset + (1 - resetProbability) x that sum, where reset is resetProbability (only at
     * the source when personalised, 0 elsewhere); at the end ranks are scaled to sum to the vertex
     * count (to 1 when personalised).
     *
     * @param source index of the personalisation source, or -1 for classic PageRank
     */
    double[] pageRank(int iterations, double resetProbability, int source) {
        int n = ids.length;
        boolean personalized = source >= 0;
        double[] weight = new double[n];
        for (int s : src) {
            weight[s]++;
        }
        for (int v = 0; v < n; v++) {
            weight[v] = 1.0 / weight[v];
        }
        double[] rank = new double[n];
        for (int v = 0; v < n; v++) {
            rank[v] = !personalized || v == source ? 1.0 : 0.0;
        }
        for (int round = 0; round < iterations; round++) {
            double[] received = new double[n];
            for (int e = 0; e < src.length; e++) {
                received[dst[e]] += rank[src[e]] * weight[src[e]];
            }
            for (int v = 0; v < n; v++) {
                double reset = personalized ? resetProbability * (v == source ? 1.0 : 0.0) : resetProbability;
                rank[v] = reset + (1.0 - resetProbability) * received[v];
            }
        }
        double total = 0;
        for (double r : rank) {
            total += r;
        }
        for (int v = 0; v < n; v++) {
            rank[v] = personalized ? rank[v] / total : rank[v] * ((double) n / total);
        }
        return rank;
    }

    /** Weakly connected components: per vertex, the smallest id of its component (GraphX's {@code ConnectedComponents}). */
    long[] componentIds() {
        int[] parent = new int[ids.length];
        for (int v = 0; v < parent.length; v++) {
            parent[v] = v;
        }
        for (int e = 0; e < src.length; e++) {
            int a = root(parent, src[e]);
            int b = root(parent, dst[e]);
            // The smaller index is the smaller id (ids ascend), so every root is its component's smallest vertex.
            if (a < b) {
                parent[b] = a;
            } else if (b < a) {
                parent[a] = b;
            }
        }
        long[] component = new long[ids.length];
        for (int v = 0; v < component.length; v++) {
            component[v] = ids[root(parent, v)];
        }
        return component;
    }

    private static int root(int[] parent, int v) {
        while (parent[v] != v) {
            parent[v] = parent[parent[v]];
            v = parent[v];
        }
        return v;
    }

    /**
     * Triangles through each vertex, the edges taken as undirected, repeats and self-loops ignored
     * (GraphX's {@code TriangleCount}): per edge, the common neighbours of its ends, each triangle
     * so seen twice from each of its vertices.
     */
    long[] triangles() {
        int[][] neighbours = undirectedNeighbours();
        long[] twice = new long[ids.length];
        for (int v = 0; v < neighbours.length; v++) {
            for (int w : neighbours[v]) {
                if (v < w) {
                    long common = commonCount(neighbours[v], neighbours[w]);
                    twice[v] += common;
                    twice[w] += common;
                }
            }
        }
        for (int v = 0; v < twice.length; v++) {
            twice[v] /= 2;
        }
        return twice;
    }

    /** Distinct neighbours of each vertex, either direction, without itself, ascending. */
    private int[][] undirectedNeighbours() {
        int[][] neighbours = neighbours(true);
        for (int v = 0; v < neighbours.length; v++) {
            neighbours[v] = Arrays.stream(neighbours[v]).sorted().distinct().toArray();
        }
        return neighbours;
    }

    /**
     * The vertices each vertex's edges lead to (along them, or both ways when {@code bothWays}), one
     * entry per edge; self-loops are left out (they reach nothing new and close no triangle).
     */
    private int[][] neighbours(boolean bothWays) {
        int[] degree = new int[ids.length];
        for (int e = 0; e < src.length; e++) {
            if (src[e] != dst[e]) {
                degree[src[e]]++;
                if (bothWays) {
                    degree[dst[e]]++;
                }
            }
        }
        int[][] neighbours = new int[ids.length][];
        for (int v = 0; v < neighbours.length; v++) {
            neighbours[v] = new int[degree[v]];
        }
        int[] filled = new int[ids.length];
        for (int e = 0; e < src.length; e++) {
            if (src[e] != dst[e]) {
                neighbours[src[e]][filled[src[e]]++] = dst[e];
                if (bothWays) {
                    neighbours[dst[e]][filled[dst[e]]++] = src[e];
                }
            }
        }
        return neighbours;
    }

    private static long commonCount(int[] a, int[] b) {
        long common = 0;
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i] < b[j]) {
                i++;
            } else if (a[i] > b[j]) {
                j++;
            } else {
                common++;
                i++;
                j++;
            }
        }
        return common;
    }

    /**
     * Fewest edges from any of {@code sources} (vertex indices) to each vertex, following edges
     * from source to destination, within {@code maxHops}: -1 where none reaches.
     */
    int[] hopsFrom(int[] sources, int maxHops) {
        int[][] out = neighbours(false);
        int[] hops = new int[ids.length];
        Arrays.fill(hops, -1);
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int s : sources) {
            if (hops[s] < 0) {
                hops[s] = 0;
                queue.add(s);
            }
        }
        while (!queue.isEmpty()) {
            int v = queue.poll();
            if (hops[v] == maxHops) {
                continue;
            }
            for (int w : out[v]) {
                if (hops[w] < 0) {
                    hops[w] = hops[v] + 1;
                    queue.add(w);
                }
            }
        }
        return hops;
    }
}
