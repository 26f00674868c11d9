/** Consumer: the append-only, hash-chained audit log with search, export and verification. */
package org.shouwang.audit;
