package org.nndl4j.hdf5;

import static org.nndl4j.hdf5.Hdf5Errors.guard;

import java.util.Map;
import java.util.Set;

import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;

/**
 * Navigation inside an HDF5 file: paths, one group at a time, never through a link (a corrupt or hostile file
 * could point jhdf at other files), and the listing of datasets with its depth and count limits.
 */
final class Hdf5Tree {

    private Hdf5Tree() {
    }

    /**
     * Walks the path one group at a time (jhdf's getByPath would try to resolve links, even into
     * other files). Returns null if a part is missing; refuses links.
     */
    static Node lookup(String source, Group root, String path) {
        return guard(source, "'" + path + "'", () -> {
            Node current = root;
            for (String part : path.split("/+")) {
                if (!(current instanceof Group group)) {
                    return null;
                }
                Node child = group.getChildren().get(part);
                if (child == null) {
                    return null;
                }
                if (child.isLink()) {
                    throw new Hdf5Exception(source, "'" + path + "' goes through the link '" + part
                            + "'; nndl4j does not follow links");
                }
                current = child;
            }
            return current;
        });
    }

    /** Adds the paths of the datasets under {@code group} to {@code names}, skipping links. */
    static void collectDatasets(String source, Group group, String prefix, int depth, Set<String> names, int[] visited) {
        Hdf5Checks.checkGroupDepth(source, depth, prefix);
        for (Map.Entry<String, Node> child : group.getChildren().entrySet()) {
            Hdf5Checks.checkNodeCount(source, ++visited[0]);
            Node node = child.getValue();
            if (node == null || node.isLink()) {
                continue;
            }
            String path = prefix + child.getKey();
            if (node instanceof Dataset) {
                names.add(path);
            } else if (node instanceof Group g) {
                collectDatasets(source, g, path + "/", depth + 1, names, visited);
            }
        }
    }

    /** The path without surrounding blanks and leading slashes; {@code ""} for null. */
    static String clean(String path) {
        if (path == null) {
            return "";
        }
        String p = path.strip();
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        return p;
    }

    /** The node for messages: {@code the root group} or {@code 'layers'}. */
    static String nodeName(String nodePath) {
        String p = clean(nodePath);
        return p.isEmpty() ? "the root group" : "'" + p + "'";
    }
}
