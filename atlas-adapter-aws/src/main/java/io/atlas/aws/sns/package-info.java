/**
 * The notify port on Amazon SNS. {@link SnsNotifier} publishes each run summary as an SNS message with a subject line
 * and the summary text, as the origin system's mails were.
 */
@NullMarked
package io.atlas.aws.sns;

import org.jspecify.annotations.NullMarked;
