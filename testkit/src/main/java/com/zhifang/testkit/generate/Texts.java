package com.zhifang.testkit.generate;

import java.util.SplittableRandom;

/** SMS texts: casual person-to-person messages, templated notifications, and obfuscated spam. */
final class Texts {

    private Texts() {
    }

    private static final String[] CASUAL = {
            "好的，晚上见", "收到", "到家了吗？", "我在楼下，你下来吧", "明天几点开会？", "妈，我周末回家吃饭",
            "Ok, see you at 7", "He said \"fine\", so we go ahead", "会议改到3点, 别迟到", "帮我带一份午饭，谢谢",
            "生日快乐！", "Running late, 10 min", "车停在B2, 靠近电梯", "钱已转，查收一下"};
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"};
    private static final String[] PLACES = {"科技园", "阳光小区", "万达广场", "学府路", "滨江花园", "人民路"};
    private static final String[] SHORT_HOSTS = {"t.cn/", "dwz.cn/", "url.cn/", "v.gd/", "s.sq8.cc/", "k2.lnk.to/"};

    static String casual(SplittableRandom r) {
        return CASUAL[r.nextInt(CASUAL.length)];
    }

    static String otp(String brand, SplittableRandom r) {
        String code = Numbers.pad(Numbers.digits(r, 6), 6);
        return switch (r.nextInt(3)) {
            case 0 -> "【" + brand + "】您的验证码为" + code + "，5分钟内有效，请勿泄露。";
            case 1 -> "【" + brand + "】验证码 " + code + ", 您正在进行转账操作, 切勿告知他人.";
            default -> "【" + brand + "】动态密码" + code + "，用于\"手机银行\"登录，如非本人操作请致电客服。";
        };
    }

    static String parcel(String brand, SplittableRandom r) {
        String code = Numbers.pad(Numbers.digits(r, 8), 8);
        String place = PLACES[r.nextInt(PLACES.length)];
        return switch (r.nextInt(2)) {
            case 0 -> "【" + brand + "】您的快递已放入" + place + (1 + r.nextInt(20)) + "号柜，取件码" + code + "，请及时取件。";
            default -> "【" + brand + "】包裹已到" + place + "驿站, 取件码 " + (1 + r.nextInt(30)) + "-" + (1 + r.nextInt(6)) + "-"
                    + (1000 + r.nextInt(9000)) + ", 营业至20:00";
        };
    }

    static String courierPickup(SplittableRandom r) {
        return "您好，我是快递员小" + SURNAMES[r.nextInt(SURNAMES.length)] + "，您的快递已放" + PLACES[r.nextInt(PLACES.length)]
                + "门卫，取件码" + (1000 + r.nextInt(9000)) + "，谢谢";
    }

    static String link(SplittableRandom r) {
        String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder sb = new StringBuilder(SHORT_HOSTS[r.nextInt(SHORT_HOSTS.length)]);
        for (int i = 0; i < 6; i++) {
            sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    private static String pick(SplittableRandom r, String... options) {
        return options[r.nextInt(options.length)];
    }

    /** One message of spam family {@code template}, with small variations, obfuscation and a fresh short link. */
    static String spam(int template, SplittableRandom r) {
        return spam(template, r, Texts::link);
    }

    /** As {@link #spam(int, SplittableRandom)}, with one of a campaign's own links. */
    static String spam(int template, SplittableRandom r, String[] links) {
        return spam(template, r, rr -> links[rr.nextInt(links.length)]);
    }

    /** A forwarded bargain, vote or red-packet request around {@code link}. */
    static String forwarded(String link, SplittableRandom r) {
        return switch (r.nextInt(3)) {
            case 0 -> pick(r, "帮我砍一刀，就差你了！", "帮忙砍一刀呀，谢谢～", "砍一刀就能免费拿，帮帮忙") + " " + link;
            case 1 -> "麻烦帮我家孩子投一票，" + (1 + r.nextInt(60)) + "号，每天都能投，谢谢！" + link;
            default -> pick(r, "我在抢红包，帮我点一下：", "帮我点一下助力，") + link;
        };
    }

    private static String spam(int template, SplittableRandom r, java.util.function.Function<SplittableRandom, String> link) {
        String name = SURNAMES[r.nextInt(SURNAMES.length)] + pick(r, "先生", "女士", "总");
        String vx = pick(r, "V信", "威信", "薇❤", "v.x", "VX", "徽信");
        String loan = pick(r, "贷款", "岱款", "贷-款", "dai款", "贷.款");
        String bet = pick(r, "博彩", "菠菜", "博-彩", "bo彩", "搏采");
        String id = pick(r, "ab", "kk", "vip", "hy") + (100 + r.nextInt(9900));
        return switch (Math.floorMod(template, 4)) {
            case 0 -> name + "您好，您的信用额度已提升至" + (3 + r.nextInt(18)) + "0000元，低息" + loan + "当天到账，详询" + vx + "："
                    + id + "，退订回T";
            case 1 -> "【" + pick(r, "澳门葡京", "新葡京", "金沙") + "】首存送" + (30 + r.nextInt(70)) + "%，" + bet + "日返水，官网 " + link.apply(r)
                    + " , 认准\"" + pick(r, "官方", "正版") + "\"，邀请码" + id;
            case 2 -> "【ETC服务】尊敬的" + name + ", 您的ETC认证已失效, 请点击 " + link.apply(r) + " 重新认证, 逾期将停用。";
            default -> "亲爱的" + name + "，您购买的商品有质量问题，我们将为您办理" + (50 + r.nextInt(450)) + "元理赔，请加Q" + "Q"
                    + (100_000_000 + r.nextInt(899_999_999)) + "，或点 " + link.apply(r);
        };
    }

    /**
     * Share (percent) of messages with a link whose text the content-capture system keeps: it keys on
     * links, so a link message is kept far more often than a casual one (6 %), whoever sends it.
     */
    private static final int CAPTURED_LINK_PERCENT = 35;

    /** The content a record keeps of a message with a link: the text, or empty when not captured. */
    static String capturedLinkText(String text, SplittableRandom r) {
        return r.nextInt(100) < CAPTURED_LINK_PERCENT ? text : "";
    }

    /** Concatenated SMS parts needed for a text (70 UCS-2 characters per single part, 67 per part otherwise). */
    static int segments(String text) {
        int len = text.length();
        return len <= 70 ? 1 : (len + 66) / 67;
    }
}
