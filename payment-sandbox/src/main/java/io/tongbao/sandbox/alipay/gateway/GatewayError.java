package io.tongbao.sandbox.alipay.gateway;

/** A gateway-level refusal (40001/40002/40004), answered in the method's own node with code, msg and sub_code. */
class GatewayError extends RuntimeException {

    private final String code;
    private final String msg;
    private final String subCode;

    GatewayError(String code, String msg, String subCode, String subMsg) {
        super(subMsg);
        this.code = code;
        this.msg = msg;
        this.subCode = subCode;
    }

    static GatewayError missing(String subCode, String subMsg) {
        return new GatewayError("40001", "Missing Required Arguments", subCode, subMsg);
    }

    static GatewayError invalid(String subCode, String subMsg) {
        return new GatewayError("40002", "Invalid Arguments", subCode, subMsg);
    }

    static GatewayError business(String subCode, String subMsg) {
        return new GatewayError("40004", "Business Failed", subCode, subMsg);
    }

    String code() {
        return code;
    }

    String msg() {
        return msg;
    }

    String subCode() {
        return subCode;
    }

    String subMsg() {
        return getMessage();
    }
}
