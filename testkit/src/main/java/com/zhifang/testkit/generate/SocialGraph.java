package com.zhifang.testkit.generate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Who calls and texts whom: contacts among our subscribers (directed, compressed rows) and contacts on other
 * networks (national significant numbers). Fraud SIMs and lines out of service have none, except the groups an
 * actor keeps in contact ({@link WorldBuilder#keepInContact}).
 */
final class SocialGraph {

    private final int[] contactStart;
    private final int[] contacts;
    private final int[] extStart;
    private final long[] extContacts;

    private SocialGraph(int[] contactStart, int[] contacts, int[] extStart, long[] extContacts) {
        this.contactStart = contactStart;
        this.contacts = contacts;
        this.extStart = extStart;
        this.extContacts = extContacts;
    }

    /**
     * Communities (families, colleagues, friends) of 6 to 35 over the legitimate population in service, a few
     * long-range ties, every member of each of {@code groups} in contact with the others, and 1 to 6 contacts on
     * other networks per legitimate subscriber in service.
     */
    static SocialGraph build(Sub[] subs, SplittableRandom r, List<int[]> groups) {
        int n = subs.length;
        List<Integer> social = new ArrayList<>();
        for (Sub s : subs) {
            if (!s.fraud() && s.inService()) {
                social.add(s.idx);
            }
        }
        int[] order = social.stream().mapToInt(Integer::intValue).toArray();
        for (int i = order.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        Edges edges = new Edges(Math.max(16, order.length * 14));
        int pos = 0;
        while (pos < order.length) {
            int size = Math.min(order.length - pos, 6 + r.nextInt(30));
            for (int a = 0; a < size; a++) {
                int deg = Math.min(size - 1, 2 + r.nextInt(5));
                for (int k = 0; k < deg; k++) {
                    int b = r.nextInt(size);
                    if (b != a) {
                        edges.addBoth(order[pos + a], order[pos + b]);
                    }
                }
                if (r.nextDouble() < 0.5 && order.length > 1) {
                    int y = order[r.nextInt(order.length)];
                    int x = order[pos + a];
                    if (x != y) {
                        edges.addBoth(x, y);
                    }
                }
            }
            pos += size;
        }
        for (int[] group : groups) {
            for (int a : group) {
                for (int b : group) {
                    if (a != b) {
                        edges.add(a, b);
                    }
                }
            }
        }
        long[] sorted = Arrays.copyOf(edges.edges, edges.count);
        Arrays.sort(sorted);
        int[] contactStart = new int[n + 1];
        int[] list = new int[sorted.length];
        int m = 0;
        long prev = -1;
        for (long edge : sorted) {
            if (edge == prev) {
                continue;
            }
            prev = edge;
            int x = (int) (edge >>> 32);
            list[m++] = (int) edge;
            contactStart[x + 1]++;
        }
        for (int i = 0; i < n; i++) {
            contactStart[i + 1] += contactStart[i];
        }
        int[] extStart = new int[n + 1];
        int[] counts = new int[n];
        int total = 0;
        for (Sub s : subs) {
            int c = s.fraud() || !s.inService() ? 0 : 1 + r.nextInt(6);
            counts[s.idx] = c;
            total += c;
        }
        long[] extContacts = new long[total];
        int p = 0;
        for (int i = 0; i < n; i++) {
            extStart[i] = p;
            for (int k = 0; k < counts[i]; k++) {
                extContacts[p++] = r.nextDouble() < 0.8 ? Numbers.otherNetworkMobile(r) : Numbers.fixedLine(r);
            }
        }
        extStart[n] = p;
        return new SocialGraph(contactStart, Arrays.copyOf(list, m), extStart, extContacts);
    }

    int contactCount(int sub) {
        return contactStart[sub + 1] - contactStart[sub];
    }

    int contact(int sub, int k) {
        return contacts[contactStart[sub] + k];
    }

    int extCount(int sub) {
        return extStart[sub + 1] - extStart[sub];
    }

    long ext(int sub, int k) {
        return extContacts[extStart[sub] + k];
    }

    /** Directed edges packed as {@code from << 32 | to}; duplicates are dropped after sorting. */
    private static final class Edges {
        long[] edges;
        int count;

        Edges(int capacity) {
            edges = new long[capacity];
        }

        void add(int from, int to) {
            if (count == edges.length) {
                edges = Arrays.copyOf(edges, edges.length * 2);
            }
            edges[count++] = ((long) from << 32) | to;
        }

        void addBoth(int x, int y) {
            add(x, y);
            add(y, x);
        }
    }
}
