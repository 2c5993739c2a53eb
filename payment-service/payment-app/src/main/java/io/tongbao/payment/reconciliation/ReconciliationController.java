package io.tongbao.payment.reconciliation;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.tongbao.common.error.ApiException;
import io.tongbao.common.error.ErrorCodes;
import io.tongbao.common.identity.Caller;

/** Reconciliations (ADMIN only): POST runs a channel's day now, GET reads the stored result. */
@RestController
class ReconciliationController {

    private final Reconciliations reconciliations;

    ReconciliationController(Reconciliations reconciliations) {
        this.reconciliations = reconciliations;
    }

    record RunRequest(String channel, String date) {
    }

    @PostMapping("/api/payment/reconciliations")
    @ResponseStatus(HttpStatus.CREATED)
    ReconciliationView run(@RequestBody RunRequest body, Caller caller) {
        admin(caller);
        if (body == null) {
            throw ApiException.badRequest(ErrorCodes.VALIDATION_FAILED, "channel and date are required");
        }
        LocalDate day = day(body.date());
        if (!day.isBefore(LocalDate.now(Reconciler.PROVIDER_DAY).plusDays(1))) {
            throw ApiException.badRequest(ErrorCodes.VALIDATION_FAILED, "date must not be in the future");
        }
        return reconciliations.run(reconciliations.reconcilable(body.channel()), day);
    }

    @GetMapping("/api/payment/reconciliations/{channel}/{date}")
    ReconciliationView get(@PathVariable("channel") String channel, @PathVariable("date") String date, Caller caller) {
        admin(caller);
        if (!Reconciliations.BILLED.contains(channel)) {
            throw ApiException.badRequest(ErrorCodes.VALIDATION_FAILED, "channel must be one of " + Reconciliations.BILLED);
        }
        return reconciliations.find(channel, day(date));
    }

    private static LocalDate day(String date) {
        try {
            return LocalDate.parse(String.valueOf(date));
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(ErrorCodes.VALIDATION_FAILED, "date is yyyy-MM-dd, e.g. \"2026-12-01\"");
        }
    }

    private static void admin(Caller caller) {
        if (!caller.isAdmin()) {
            throw new ApiException(HttpStatus.FORBIDDEN, ErrorCodes.FORBIDDEN, "Reconciliations are for ADMIN only");
        }
    }
}
