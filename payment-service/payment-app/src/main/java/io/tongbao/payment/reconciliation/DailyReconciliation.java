package io.tongbao.payment.reconciliation;

import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.tongbao.common.error.ApiException;

/**
 * Every day, the previous provider day of each configured billed channel, after the providers publish their bills
 * (Alipay by about 09:00, WeChat Pay after 10:00, Beijing time). Every replica fires; the day's lock lets one run
 * it, and a replica that comes later finds it compared already and leaves it.
 */
@Component
class DailyReconciliation {

    private static final Logger log = LoggerFactory.getLogger(DailyReconciliation.class);
    private final Reconciliations reconciliations;

    DailyReconciliation(Reconciliations reconciliations) {
        this.reconciliations = reconciliations;
    }

    @Scheduled(cron = "${tongbao.payment.reconciliation.cron:0 30 10 * * *}", zone = "Asia/Shanghai")
    void scheduled() {
        LocalDate yesterday = LocalDate.now(Reconciler.PROVIDER_DAY).minusDays(1);
        for (String channel : reconciliations.configured()) {
            if (reconciliations.compared(channel, yesterday)) {
                continue;
            }
            try {
                ReconciliationView result = reconciliations.run(channel, yesterday);
                log.info("Daily reconciliation of {} {}: {}", channel, yesterday, result.status());
            } catch (ApiException e) {
                log.info("Daily reconciliation of {} {} not run here: {}", channel, yesterday, e.getMessage());
            }
        }
    }
}
