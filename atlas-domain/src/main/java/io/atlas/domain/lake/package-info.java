/**
 * The lake's layout of SPEC §1. {@link LakeLayout} builds every key of it in one place; {@link ObjectKey} is a key,
 * {@link RawObject} a file under {@code raw/}, and {@link LogFormat} and {@link LogType} the raw formats and the kinds
 * of canonical rows.
 */
@NullMarked
package io.atlas.domain.lake;

import org.jspecify.annotations.NullMarked;
