package io.tongbao.sandbox.html;

/** Tiny helpers for the few server-rendered pages; no template engine for three pages of plain HTML. */
public final class Html {

    private Html() {
    }

    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        var out = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    public static String page(String title, String bodyHtml) {
        return page(title, bodyHtml, "");
    }

    /** A page with extra CSS after the default style. */
    public static String page(String title, String bodyHtml, String style) {
        return "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + escape(title) + "</title>"
                + "<style>body{font-family:sans-serif;max-width:28rem;margin:3rem auto;padding:0 1rem}"
                + "button{font-size:1.1rem;padding:.5rem 1.5rem;margin-right:1rem}.amount{font-size:2rem}"
                + style + "</style>"
                + "</head><body>\n" + bodyHtml + "\n</body></html>\n";
    }
}
