package io.atlas.ports;

import static java.util.Objects.requireNonNull;

/**
 * The root of Atlas's system failures: unchecked, named for their condition, with a category that says whether a
 * retry can help. Messages read "Cannot &lt;verb&gt; &lt;thing&gt;: &lt;reason&gt;". Bad records are never
 * exceptions: they are reject rows.
 */
public class AtlasException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final ErrorCategory category;

    public AtlasException(ErrorCategory category, String message) {
        super(message);
        this.category = requireNonNull(category, "category is null");
    }

    public AtlasException(ErrorCategory category, String message, Throwable cause) {
        super(message, cause);
        this.category = requireNonNull(category, "category is null");
    }

    public ErrorCategory category() {
        return category;
    }

    public boolean isRetryable() {
        return category == ErrorCategory.TRANSIENT;
    }
}
