package com.zhifang.testkit.generate;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Legitimate look-alikes of spoofed calls: the private lines of bank call centres and courier platforms, calling
 * strangers under their service number (allowlisted) or a number of their authorised block (allowlisted with a
 * star).
 */
final class CallCentres implements Actor {

    /** Traffic stream, keyed by the line's position among all private lines (shared with the spoofing lines). */
    private static final int STREAM = 7;

    /** Banks (and insurers): service number, company, authorised fixed-line block. */
    static final String[][] BANKS = {
        {"95588", "中国工商银行股份有限公司", "0108866"}, {"95533", "中国建设银行股份有限公司", "0106759"},
        {"95599", "中国农业银行股份有限公司", "0108510"}, {"95566", "中国银行股份有限公司", "0106659"},
        {"95559", "交通银行股份有限公司", "0215876"}, {"95555", "招商银行股份有限公司", "0755833"},
        {"95511", "中国平安保险(集团)股份有限公司", "0755225"}, {"95519", "中国人寿保险股份有限公司", "0106363"}};
    private static final String[][] COURIERS = {
        {"95338", "顺丰速运有限公司", "0755338"}, {"95311", "中通快递股份有限公司", "0215977"},
        {"95546", "韵达控股股份有限公司", "0213911"}, {"95543", "申通快递有限公司", "0216921"}};

    final List<Trunk> lines = new ArrayList<>();

    @Override
    public void network(WorldBuilder world) {
        int n = world.world().n;
        int banks = Math.min(BANKS.length, world.scaledSqrt(25, 1));
        for (int b = 0; b < banks; b++) {
            addLine(world, BANKS[b], "BANK_CALL_CENTRE", "BANK", Math.max(40, n * 0.06 / banks));
        }
        int platforms = Math.min(COURIERS.length, world.scaledSqrt(40, 1));
        for (int c = 0; c < platforms; c++) {
            addLine(world, COURIERS[c], "COURIER_PLATFORM", "COURIER", Math.max(30, n * 0.03 / platforms));
        }
    }

    private void addLine(WorldBuilder world, String[] company, String kind, String allowCategory, double dailyCalls) {
        Trunk t = new Trunk(world.nextPrivateLineId(), Trunk.Type.PRIVATE_LINE, company[1],
                new String[] {company[0], company[2]});
        t.serviceNumber = company[0];
        t.legitKind = kind;
        t.dailyCalls = dailyCalls;
        lines.add(world.addTrunk(t));
        world.allow(t.serviceNumber, t.owner, allowCategory, "2027-12-31");
        world.allow(t.authorizedCli[1] + "*", t.owner, allowCategory, "2027-06-30");
    }

    @Override
    public void emitDay(DayContext day) throws IOException {
        for (Trunk t : lines) {
            emitLine(t, day, day.random(STREAM, day.world().privateLines().indexOf(t)));
        }
    }

    private static void emitLine(Trunk trunk, DayContext day, SplittableRandom r) throws IOException {
        boolean bank = "BANK_CALL_CENTRE".equals(trunk.legitKind);
        int calls = DayContext.poisson(r, trunk.dailyCalls * (day.weekend() ? 0.5 : 1.0));
        for (int i = 0; i < calls; i++) {
            Sub b = day.stranger(r);
            if (b == null) {
                continue;
            }
            String cli = r.nextInt(100) < 75 ? trunk.serviceNumber : Numbers.completeFixed(trunk.authorizedCli[1], r);
            if (bank) {
                day.normal(r, 0.62, 90, 0.9);
            } else {
                day.normal(r, 0.75, 30, 0.6);
            }
            day.gwIn(r, Hours.time(r, bank ? Hours.BUSINESS : Hours.COURIER), trunk, cli, b, 0);
        }
    }

    /** The trunks and their service numbers. */
    @Override
    public List<TruthRow> truth(World world) {
        List<TruthRow> rows = new ArrayList<>();
        for (Trunk t : lines) {
            rows.add(TruthRow.legitimate("TRUNK", t.id, t.legitKind));
            rows.add(TruthRow.legitimate("NUMBER", "+86" + t.serviceNumber, t.legitKind));
        }
        return rows;
    }
}
