/**
 * Reading raw files in bounded memory (SPEC §2 and §3): format confirmation, decompression and record cursors.
 * {@link RecordCursors} opens a file's records as a {@link RecordCursor} within {@link ReadLimits}; a bad file is a
 * {@link FileContentException} with a {@link FileRejectReason}, a failing store a {@link SourceReadException}.
 */
@NullMarked
package io.atlas.domain.file;

import org.jspecify.annotations.NullMarked;
