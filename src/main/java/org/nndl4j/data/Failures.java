package org.nndl4j.data;

/** Summarising low-level failures for this package's messages. */
final class Failures {

    private Failures() {
    }

    /** The exception's class and message, and its root cause's, on one line (at most 400 characters and "..."). */
    static String summarize(Throwable e) {
        StringBuilder sb = new StringBuilder(e.getClass().getSimpleName());
        if (e.getMessage() != null) {
            sb.append(": ").append(e.getMessage());
        }
        Throwable root = e;
        for (int i = 0; i < 20 && root.getCause() != null && root.getCause() != root; i++) {
            root = root.getCause();
        }
        if (root != e) {
            sb.append("; caused by ").append(root.getClass().getSimpleName());
            if (root.getMessage() != null) {
                sb.append(": ").append(root.getMessage());
            }
        }
        String s = sb.toString();
        return s.length() > 400 ? s.substring(0, 400) + "..." : s;
    }
}
