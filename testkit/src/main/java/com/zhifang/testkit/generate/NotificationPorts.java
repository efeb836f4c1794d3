package com.zhifang.testkit.generate;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Legitimate look-alike of link spam ({@link Realism#notificationPortsPer()}): a bank, a shop and a utility (one of
 * each per so many subscribers, at least one of each), each owning one or two 106 ports and texting, every day, bills,
 * statements and shipping notices that carry a link to its own domain, to a fixed customer base of 300 to 3,000 of our
 * subscribers drawn once; a customer hears from it on several days of the week. No complaints, and not allowlisted
 * (a carrier's allowlist rarely keeps up with every notification sender).
 */
final class NotificationPorts extends PortCustomers {

    /** Set-up stream key ({@link WorldBuilder#randomOf}). */
    private static final long SETUP_KEY = 0x9071F1L;

    /** Kind, brand, company, domain. */
    private static final String[][] SENDERS = {
        {"BANK", "浦发银行", "上海浦东发展银行股份有限公司", "spdb.com.cn"},
        {"SHOP", "京东", "北京京东世纪贸易有限公司", "jd.com"},
        {"UTILITY", "国家电网", "国网上海市电力公司", "95598.cn"},
        {"BANK", "中信银行", "中信银行股份有限公司", "citicbank.com"},
        {"SHOP", "唯品会", "广州唯品会电子商务有限公司", "vip.com"},
        {"UTILITY", "上海燃气", "上海燃气有限公司", "shgas.com.cn"}};

    /** Each port's sender row of {@link #SENDERS}. */
    private final Map<Port, String[]> senderOf = new IdentityHashMap<>();

    NotificationPorts() {
        super("NOTIFICATION_PORT", false, Hours.BUSINESS, 50);
    }

    /** After every other port is registered, so that their positions (and traffic streams) stay as they were. */
    @Override
    public void realism(WorldBuilder world) {
        int per = world.realism().notificationPortsPer();
        if (per <= 0) {
            return;
        }
        World w = world.world();
        SplittableRandom r = world.randomOf(SETUP_KEY);
        int each = world.onePer(per);
        for (int i = 0; i < each; i++) {
            for (int kind = 0; kind < 3; kind++) {
                String[] sender = SENDERS[(i % 2) * 3 + kind];
                String[] codes = new String[1 + r.nextInt(2)];
                for (int c = 0; c < codes.length; c++) {
                    codes[c] = "10690" + Numbers.pad(Numbers.digits(r, 8), 8);
                }
                int base = Math.min(Math.max(20, w.n / 2), 300 + r.nextInt(2701));
                Port p = new Port(world.nextPortCustomerId(), sender[2], codes, base * 0.6, sender[1]);
                senderOf.put(p, sender);
                p.customers = new int[base];
                for (int k = 0; k < base; k++) {
                    Sub s = w.randomSubscriber(r, 100, c -> !c.fraud() && c.inService());
                    p.customers[k] = s == null ? 0 : s.idx;
                }
                addPort(world, p, null);
            }
        }
    }

    /** A bill, statement or shipping notice with a link to the sender's own domain. */
    @Override
    String text(Port port, SplittableRandom r) {
        String[] sender = senderOf.get(port);
        String brand = port.brand;
        String link = "https://" + sender[3] + "/" + token(r);
        String amount = (10 + r.nextInt(3000)) + "." + Numbers.pad(r.nextInt(100), 2);
        return switch (sender[0]) {
            case "BANK" -> r.nextBoolean()
                    ? "【" + brand + "】您尾号" + Numbers.pad(r.nextInt(10_000), 4) + "的信用卡本期账单已出，应还" + amount
                            + "元，详情 " + link
                    : "【" + brand + "】您的" + (1 + r.nextInt(12)) + "月电子对账单已生成，请点击 " + link + " 查看";
            case "SHOP" -> r.nextBoolean()
                    ? "【" + brand + "】您的订单已发货，物流详情 " + link + " 退订回T"
                    : "【" + brand + "】您的订单已签收，评价有礼 " + link + " 退订回T";
            default -> "【" + brand + "】您户号" + Numbers.pad(Numbers.digits(r, 8), 8) + "本月费用" + amount
                    + "元，账单详见 " + link;
        };
    }

    private static String token(SplittableRandom r) {
        String alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
        StringBuilder sb = new StringBuilder(8);
        for (int i = 0; i < 8; i++) {
            sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
