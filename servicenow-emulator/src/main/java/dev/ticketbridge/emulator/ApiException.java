package dev.ticketbridge.emulator;

/** A failure answered with ServiceNow's own envelope {@code {"error":{"message","detail"},"status":"failure"}}. */
public class ApiException extends RuntimeException {

    private final int status;
    private final String detail;

    public ApiException(int status, String message, String detail) {
        super(message);
        this.status = status;
        this.detail = detail;
    }

    public int status() {
        return status;
    }

    public String detail() {
        return detail;
    }

    public static ApiException notFound() {
        return new ApiException(404, "No Record found", "Record doesn't exist or ACL restricts the record retrieval");
    }

    public static ApiException invalidTable(String table) {
        return new ApiException(400, "Invalid table " + table, "Table " + table + " does not exist");
    }

    public static ApiException invalidJson() {
        return new ApiException(400, "Exception while reading request", "The payload is not valid JSON.");
    }

    public static ApiException dataPolicy(String detail) {
        return new ApiException(403, "Operation Failed", "Data Policy Exception: " + detail);
    }

    public static ApiException aclInsert() {
        return new ApiException(403, "Operation Failed", "ACL Exception Insert Failed due to security constraints");
    }

    public static ApiException notAuthenticated() {
        return new ApiException(401, "User Not Authenticated", "Required to provide Auth information");
    }
}
