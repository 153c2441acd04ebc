package io.atlas.domain.normalize;

import static java.util.Objects.requireNonNull;

import io.atlas.domain.record.CanonicalRecord;

/**
 * What {@link RecordClassifier} decided for one record, with the row that goes with the decision. Callers take it
 * apart through {@link Cases}, one method per kind of result, so the compiler sees that every kind is handled
 * (Java 17 has no pattern switch).
 */
sealed interface Classification {

    /** One branch per kind of result. */
    interface Cases {
        void accepted(CanonicalRecord row);

        void otherDay();

        /** A record of the run's day that failed validation. */
        void rejected(RejectRow row);

        /** A record without a valid timestamp: owned by the file's earliest valid day. */
        void rejectedDayless(RejectRow row);
    }

    void applyTo(Cases cases);

    /** A valid record of the run's day: its canonical row. */
    record Accepted(CanonicalRecord row) implements Classification {
        public Accepted {
            requireNonNull(row, "row is null");
        }

        @Override
        public void applyTo(Cases cases) {
            cases.accepted(row);
        }
    }

    /** A record with a valid timestamp of another day: skipped. */
    record OtherDay() implements Classification {
        @Override
        public void applyTo(Cases cases) {
            cases.otherDay();
        }
    }

    /** A reject; {@code dayless} when the record had no valid timestamp. */
    record Rejected(RejectRow row, boolean dayless) implements Classification {
        public Rejected {
            requireNonNull(row, "row is null");
        }

        @Override
        public void applyTo(Cases cases) {
            if (dayless) {
                cases.rejectedDayless(row);
            } else {
                cases.rejected(row);
            }
        }
    }
}
