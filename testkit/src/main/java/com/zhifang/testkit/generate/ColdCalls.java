package com.zhifang.testkit.generate;

import java.io.IOException;
import java.util.SplittableRandom;

/**
 * How a cold caller's call to a stranger goes on, for bulk callers and their legitimate look-alike, telemarketers: an
 * answered callee may complain, a few call back.
 *
 * @param complaintIn     an answered callee complains when a draw below {@code complaintIn} ...
 * @param complaintBelow  ... falls below this
 * @param usualCategory   the complaint's category seven times in ten
 * @param otherCategory   its category otherwise
 * @param callBackPercent percent of callees calling back
 * @param callBackWithin  seconds after the call (plus ten minutes) within which they call back, the same day
 * @param callBackAnswer  probability that the call-back is answered
 * @param callBackSeconds median length of an answered call-back
 */
record ColdCalls(int complaintIn, int complaintBelow, String usualCategory, String otherCategory, int callBackPercent,
        int callBackWithin, double callBackAnswer, double callBackSeconds) {

    /**
     * A call from {@code a} at second {@code t}, its outcome already set: to {@code b}, one of ours, with what follows,
     * or to another network's mobile when {@code b} is null.
     */
    void call(DayContext day, SplittableRandom r, int t, Sub a, Sub b) throws IOException {
        if (b == null) {
            day.moOut(r, t, a, Numbers.signalled(Numbers.otherNetworkMobile(r), r), 0);
            return;
        }
        day.onNet(r, t, a, b, 0);
        if (day.answered() && r.nextInt(complaintIn) < complaintBelow) {
            day.complain(r, t + day.duration(), Numbers.signalled(a.msisdn, r),
                    r.nextInt(10) < 7 ? usualCategory : otherCategory, b.idx);
        }
        if (r.nextInt(100) < callBackPercent) {
            int tb = t + 600 + r.nextInt(callBackWithin);
            if (tb < 86_400) {
                day.normal(r, callBackAnswer, callBackSeconds, 0.7);
                day.onNet(r, tb, b, a, 0);
            }
        }
    }
}
