/**
 * Runnable programs of the Spark module; like the core library's examples, the only code here that prints.
 */
package org.nndl4j.spark.examples;
