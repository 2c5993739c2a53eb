package io.tongbao.sandbox.alipay.bill;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Serves the bill zip: the target of bill_download_url, and the sandbox hook for a day's bill. */
@RestController
class BillController {

    private final Bills bills;

    BillController(Bills bills) {
        this.bills = bills;
    }

    @GetMapping("/sandbox/alipay/bills/{day}")
    ResponseEntity<byte[]> bill(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
                                @RequestParam(required = false) String appId) {
        BillFile file = bills.daily(day, appId);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(file.fileName()).build().toString())
                .body(file.zip());
    }
}
