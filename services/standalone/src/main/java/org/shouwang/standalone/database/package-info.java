/** A real PostgreSQL server run from the embedded binaries, data in the data directory. */
package org.shouwang.standalone.database;
