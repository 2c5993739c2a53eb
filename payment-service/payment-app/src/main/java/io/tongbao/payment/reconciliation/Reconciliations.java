package io.tongbao.payment.reconciliation;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import io.tongbao.common.error.ApiException;
import io.tongbao.common.error.ErrorCodes;
import io.tongbao.payment.channel.Channels;
import io.tongbao.payment.channel.PaymentChannel;
import io.tongbao.payment.jobs.ExclusiveRounds;

/** Runs and reads reconciliations; one run of a channel's day at a time across replicas (a Redisson lock). */
@Service
class Reconciliations {

    /** The channels that have a provider bill. */
    static final List<String> BILLED = List.of("ALIPAY", "WECHAT");
    private final Reconciler reconciler;
    private final ReconciliationMapper store;
    private final ExclusiveRounds rounds;
    private final Channels channels;

    Reconciliations(Reconciler reconciler, ReconciliationMapper store, ExclusiveRounds rounds, Channels channels) {
        this.reconciler = reconciler;
        this.store = store;
        this.rounds = rounds;
        this.channels = channels;
    }

    /** Runs the day now; 409 RECONCILIATION_RUNNING while another run of the same day is under way. */
    ReconciliationView run(String channel, LocalDate day) {
        AtomicReference<ReconciliationMapper.Stored> result = new AtomicReference<>();
        int ran = rounds.run("tongbao:payment:reconciliation:" + channel + ":" + day, () -> {
            result.set(reconciler.run(channel, day));
            return 1;
        });
        if (ran < 0) {
            throw ApiException.conflict("RECONCILIATION_RUNNING", "The " + channel + " reconciliation of " + day
                    + " is running; read it with GET when it is done");
        }
        return view(result.get());
    }

    ReconciliationView find(String channel, LocalDate day) {
        ReconciliationMapper.Stored run = store.find(channel, day.toString());
        if (run == null) {
            throw ApiException.notFound("RECONCILIATION_NOT_FOUND", "No " + channel + " reconciliation of " + day);
        }
        return view(run);
    }

    /** True when the day has a finished comparison (BALANCED or DIFFERENCES). */
    boolean compared(String channel, LocalDate day) {
        ReconciliationMapper.Stored run = store.find(channel, day.toString());
        return run != null && ("BALANCED".equals(run.status()) || "DIFFERENCES".equals(run.status()));
    }

    /** The billed channels that are configured here. */
    List<String> configured() {
        return channels.offered().stream().map(PaymentChannel::name).filter(BILLED::contains).toList();
    }

    /** A channel that can be reconciled: billed and configured; 400 otherwise. */
    String reconcilable(String channel) {
        if (channel == null || !configured().contains(channel)) {
            throw ApiException.badRequest(ErrorCodes.VALIDATION_FAILED, "channel must be one of " + configured()
                    + " (the configured channels with a provider bill)");
        }
        return channel;
    }

    private ReconciliationView view(ReconciliationMapper.Stored run) {
        if (run == null) {
            throw new ApiException(HttpStatus.INTERNAL_SERVER_ERROR, ErrorCodes.INTERNAL_ERROR,
                    "The reconciliation left no result");
        }
        return ReconciliationView.of(run, store.differences(run.channel(), run.day()));
    }
}
