package io.tongbao.sandbox.html;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.qrcode.QRCodeWriter;

/**
 * The cashier as a phone shows it, for both providers: the merchant's subject, the amount, a QR code of the page
 * itself (scan it to pay on another device), the trade status, Pay and Cancel while it can be paid, and once paid a
 * link back to the merchant when there is one. Plain forms: a person, or a browser test, pays without any script.
 */
public record CashierPage(Brand brand, String subject, String amountYuan, String outTradeNo, String detail,
        String status, boolean payable, String payAction, String cancelAction, String pageUrl, String returnUrl) {

    /** The provider the page plays; {@code colour} is its brand colour. */
    public enum Brand {
        ALIPAY("支付宝收银台", "Alipay", "#1677ff"), WECHAT("微信支付收银台", "WeChat Pay", "#07c160");

        final String title;
        final String name;
        final String colour;

        Brand(String title, String name, String colour) {
            this.title = title;
            this.name = name;
            this.colour = colour;
        }

        public String title() {
            return title;
        }
    }

    public String html() {
        var body = new StringBuilder()
                .append("<main class=\"phone\"><header><span class=\"brand\">").append(brand.name)
                .append("</span> <span class=\"sandbox\">sandbox</span><h1>").append(brand.title).append("</h1></header>")
                .append("<p class=\"subject\" id=\"subject\">").append(Html.escape(subject)).append("</p>")
                .append("<p class=\"amount\" id=\"amount\">¥ ").append(Html.escape(amountYuan)).append("</p>")
                .append("<img class=\"qr\" id=\"qr\" alt=\"QR code of this page\" src=\"").append(qrPng(pageUrl)).append("\">")
                .append("<dl><dt>订单号 Order</dt><dd><code>").append(Html.escape(outTradeNo)).append("</code></dd>");
        if (detail != null) {
            body.append("<dt>交易类型 Type</dt><dd>").append(Html.escape(detail)).append("</dd>");
        }
        body.append("<dt>状态 Status</dt><dd><strong id=\"status\">").append(Html.escape(status)).append("</strong></dd></dl>");
        if (payable) {
            body.append("<div class=\"actions\"><form method=\"post\" action=\"").append(payAction)
                    .append("\"><button type=\"submit\" id=\"pay\" class=\"pay\">Pay 确认付款</button></form>")
                    .append("<form method=\"post\" action=\"").append(cancelAction)
                    .append("\"><button type=\"submit\" id=\"cancel\" class=\"cancel\">Cancel 取消</button></form></div>");
        }
        if (returnUrl != null) {
            body.append("<p class=\"back\"><a id=\"return\" href=\"").append(Html.escape(returnUrl))
                    .append("\">返回商户 Return to merchant</a></p>");
        }
        body.append("</main>");
        return Html.page(brand.title, body.toString(), STYLE.replace("BRAND", brand.colour));
    }

    private static final String STYLE = "body{background:#eef0f3;max-width:none;margin:0;padding:1.5rem 1rem}"
            + ".phone{max-width:23rem;margin:0 auto;background:#fff;border-radius:1.5rem;padding:1.25rem 1.5rem 2rem;"
            + "box-shadow:0 4px 24px rgba(0,0,0,.12);text-align:center}"
            + "header{border-bottom:1px solid #eee;margin-bottom:1rem}header h1{font-size:1.2rem;margin:.3rem 0 .8rem}"
            + ".brand{color:BRAND;font-weight:bold}.sandbox{font-size:.75rem;background:#fde68a;border-radius:.5rem;padding:0 .4rem}"
            + ".subject{color:#555;margin:.2rem 0}.amount{font-size:2.2rem;font-weight:bold;margin:.3rem 0 1rem}"
            + ".qr{width:11rem;height:11rem;image-rendering:pixelated}"
            + "dl{display:grid;grid-template-columns:auto 1fr;gap:.3rem .8rem;text-align:left;font-size:.9rem}"
            + "dt{color:#888}dd{margin:0;word-break:break-all}"
            + ".actions{display:flex;gap:.8rem;margin-top:1.2rem}.actions form{flex:1}"
            + ".actions button{width:100%;font-size:1.05rem;padding:.7rem;border-radius:.6rem;border:0;cursor:pointer}"
            + ".pay{background:BRAND;color:#fff}.cancel{background:#f1f1f1;color:#333}"
            + ".back a{display:block;margin-top:1.2rem;padding:.7rem;border:1px solid BRAND;border-radius:.6rem;"
            + "color:BRAND;text-decoration:none}";

    /** A PNG data URI of the QR code for {@code content}. */
    static String qrPng(String content) {
        try {
            var matrix = new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, 220, 220,
                    Map.of(EncodeHintType.MARGIN, 1, EncodeHintType.CHARACTER_SET, "UTF-8"));
            var png = new ByteArrayOutputStream();
            MatrixToImageWriter.writeToStream(matrix, "PNG", png);
            return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
        } catch (WriterException | IOException e) {
            throw new IllegalStateException("Could not render a QR code", e);
        }
    }
}
