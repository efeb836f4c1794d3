package com.zhifang.testkit.generate;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Fraud pattern SIMBOX: sites of 2 to 4 GSM modules, each cycling 2 or 3 SIMs (one every 1 to 3 hours) and calling
 * around the clock from one static cell. The module IMEIs are fraud devices too.
 */
final class SimBoxes extends SubscriberActor {

    /** Traffic stream, keyed by site. */
    private static final int STREAM = 2;

    static final class Site {
        int cell;
        String[] imeis;
        int[] sims;
    }

    final List<Site> sites = new ArrayList<>();

    SimBoxes() {
        super(true);
    }

    /** One site per 2,500 subscribers: the first with 3 modules, the others 2 to 4; 2 or 3 SIMs per module. */
    @Override
    public void claim(WorldBuilder world) {
        SplittableRandom r = world.random();
        for (int s = 0; s < world.onePer(2500); s++) {
            Site site = new Site();
            int imeis = s == 0 ? 3 : 2 + r.nextInt(3);
            site.imeis = new String[imeis];
            site.sims = world.claim(this, imeis * (2 + r.nextInt(2)));
            sites.add(site);
        }
    }

    /** A cell per site, a module IMEI per module; the SIMs take turns in the modules. */
    @Override
    public void equip(WorldBuilder world) {
        SplittableRandom r = world.random();
        for (Site site : sites) {
            site.cell = world.world().anyCell(r);
            Arrays.setAll(site.imeis, i -> Numbers.moduleImei(r));
            for (int i = 0; i < site.sims.length; i++) {
                Sub s = world.world().subs[site.sims[i]];
                s.imei = site.imeis[i % site.imeis.length];
                s.stayIn(site.cell);
            }
        }
    }

    /** The SIMs make no calls of their own: the modules do, each cycling through its SIMs. */
    @Override
    public void emitDay(DayContext day) throws IOException {
        day.forEach(sites, STREAM, (site, r) -> emitSite(site, day, r));
    }

    private static void emitSite(Site site, DayContext day, SplittableRandom r) throws IOException {
        int modules = site.imeis.length;
        for (int m = 0; m < modules; m++) {
            List<Sub> sims = new ArrayList<>();
            for (int i = m; i < site.sims.length; i += modules) {
                Sub sim = day.sub(site.sims[i]);
                if (sim.reachableOn(day.index())) {
                    sims.add(sim);
                }
            }
            if (sims.isEmpty()) {
                continue;
            }
            int t = r.nextInt(300);
            int slotEnd = 0;
            int current = r.nextInt(sims.size());
            // each SIM stays just under the per-SIM daily cap (Realism#simDailyCallCap): a SIM at its ceiling is
            // swapped for the next with room, and the module falls silent when none has any
            int[] made = new int[sims.size()];
            int[] ceiling = new int[sims.size()];
            for (int i = 0; i < ceiling.length; i++) {
                ceiling[i] = day.callCeiling(sims.get(i).idx);
            }
            while (t < 86_400) {
                if (t >= slotEnd) {
                    current = (current + 1) % sims.size(); // rotate the SIM in the module every 1-3 hours
                    slotEnd = t + 3600 + r.nextInt(7200);
                }
                if (made[current] >= ceiling[current]) {
                    int next = withRoom(made, ceiling, current);
                    if (next < 0) {
                        break;
                    }
                    current = next;
                }
                made[current]++;
                Sub a = sims.get(current);
                day.normal(r, 0.62, 75, 0.9);
                Sub b = r.nextBoolean() ? day.stranger(r) : null;
                if (b != null) {
                    day.onNetFromDevice(r, t, a, site.imeis[m], site.cell, b);
                } else {
                    long ext = r.nextInt(100) < 80 ? Numbers.otherNetworkMobile(r) : Numbers.fixedLine(r);
                    day.moFromDevice(r, t, a, site.imeis[m], site.cell, Numbers.signalled(ext, r));
                }
                int hour = t / 3600;
                int idle = hour < 6 ? 120 + r.nextInt(300) : 45 + r.nextInt(150);
                t += Math.max(day.ring(), 0) + day.duration() + idle;
            }
        }
    }

    /** The next SIM after {@code current} (in turn) still under its ceiling, or -1. */
    private static int withRoom(int[] made, int[] ceiling, int current) {
        for (int k = 1; k <= made.length; k++) {
            int i = (current + k) % made.length;
            if (made[i] < ceiling[i]) {
                return i;
            }
        }
        return -1;
    }

    /** The SIMs' numbers and the modules' IMEIs. */
    @Override
    public List<TruthRow> truth(World world) {
        List<TruthRow> rows = new ArrayList<>(fraudNumbers(world, "SIMBOX"));
        for (Site site : sites) {
            for (String imei : site.imeis) {
                rows.add(TruthRow.fraud("DEVICE", imei, "SIMBOX", false));
            }
        }
        return rows;
    }
}
