@NullMarked
package io.atlas.local.ledger;

import org.jspecify.annotations.NullMarked;
