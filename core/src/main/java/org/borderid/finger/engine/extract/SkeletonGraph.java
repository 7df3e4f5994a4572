package org.borderid.finger.engine.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Stage 10: the ridge skeleton as a graph. Nodes are line ends (one neighbour) and junctions (three or more
 * neighbours; touching junction pixels form one node); edges are the one-pixel-wide ridge lines between them, with
 * their pixels. Closed rings without any node are ignored (they hold no minutia).
 *
 * <p>The graph is mutable so that {@link MinutiaeFilter} can prune it; {@link Node#degree()} is always the number of
 * live edges ending at the node (a self-loop counts twice).
 */
public final class SkeletonGraph {
    private final int width;
    private final int height;
    private final List<Node> nodes = new ArrayList<>();
    private final Set<Edge> edges = new LinkedHashSet<>();

    private SkeletonGraph(int width, int height) {
        this.width = width;
        this.height = height;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** All nodes ever created, including those whose edges were all removed (degree 0). */
    public List<Node> nodes() {
        return nodes;
    }

    /** Live edges, in creation order. */
    public Set<Edge> edges() {
        return edges;
    }

    /** A skeleton node at ({@code x}, {@code y}), pixel coordinates. */
    public static final class Node {
        final float x;
        final float y;
        final List<Edge> edges = new ArrayList<>();

        Node(float x, float y) {
            this.x = x;
            this.y = y;
        }

        public float x() {
            return x;
        }

        public float y() {
            return y;
        }

        public int degree() {
            return edges.size();
        }

        public List<Edge> edges() {
            return edges;
        }
    }

    /** A ridge line between two nodes; {@code xs}/{@code ys} run from {@code from} to {@code to}, both included. */
    public static final class Edge {
        final Node from;
        final Node to;
        final int[] xs;
        final int[] ys;
        final float length;
        boolean alive = true;

        Edge(Node from, Node to, int[] xs, int[] ys) {
            this.from = from;
            this.to = to;
            this.xs = xs;
            this.ys = ys;
            float len = 0;
            for (int k = 1; k < xs.length; k++) {
                len += (xs[k] != xs[k - 1] && ys[k] != ys[k - 1]) ? 1.4142135f : 1f;
            }
            this.length = len;
        }

        public Node from() {
            return from;
        }

        public Node to() {
            return to;
        }

        /** Length along the line, pixels. */
        public float length() {
            return length;
        }

        /** The node at the other end from {@code node}. */
        public Node other(Node node) {
            return node == from ? to : from;
        }

        /**
         * The point reached after walking {@code distance} pixels along the line from {@code node} (or the far end if
         * the line is shorter): {x, y}.
         */
        public int[] pointFrom(Node node, float distance) {
            int n = xs.length;
            boolean forward = node == from;
            float walked = 0;
            int prev = forward ? 0 : n - 1;
            for (int k = 1; k < n; k++) {
                int i = forward ? k : n - 1 - k;
                walked += (xs[i] != xs[prev] && ys[i] != ys[prev]) ? 1.4142135f : 1f;
                prev = i;
                if (walked >= distance) {
                    break;
                }
            }
            return new int[] {xs[prev], ys[prev]};
        }
    }

    /** Removes an edge; its nodes keep their other edges. */
    public void remove(Edge edge) {
        if (edges.remove(edge)) {
            edge.alive = false;
            edge.from.edges.remove(edge);
            edge.to.edges.remove(edge);
        }
    }

    /** Builds the graph of a thinned image. */
    public static SkeletonGraph of(BinaryImage skeleton) {
        int w = skeleton.width();
        int h = skeleton.height();
        byte[] b = skeleton.data();
        int[] offsets = skeleton.neighbourOffsets();
        SkeletonGraph graph = new SkeletonGraph(w, h);
        int[] nodeOf = new int[b.length];
        Arrays.fill(nodeOf, -1);
        // nodes: line ends and clusters of junction pixels
        int[] stack = new int[64];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = skeleton.index(x, y);
                if (b[i] == 0 || nodeOf[i] >= 0) {
                    continue;
                }
                int count = Integer.bitCount(skeleton.neighbours(i));
                if (count == 2) {
                    continue;
                }
                int id = graph.nodes.size();
                if (count != 1 && count != 0) {
                    // flood the touching junction pixels into one node
                    int top = 0;
                    long sx = 0;
                    long sy = 0;
                    int members = 0;
                    stack[top++] = i;
                    nodeOf[i] = id;
                    while (top > 0) {
                        int j = stack[--top];
                        sx += j % skeleton.stride() - 1;
                        sy += j / skeleton.stride() - 1;
                        members++;
                        for (int o : offsets) {
                            int k = j + o;
                            if (b[k] != 0 && nodeOf[k] < 0 && Integer.bitCount(skeleton.neighbours(k)) > 2) {
                                nodeOf[k] = id;
                                if (top == stack.length) {
                                    stack = Arrays.copyOf(stack, 2 * top);
                                }
                                stack[top++] = k;
                            }
                        }
                    }
                    graph.nodes.add(new Node((float) sx / members, (float) sy / members));
                } else {
                    nodeOf[i] = id;
                    graph.nodes.add(new Node(x, y));
                }
            }
        }
        // edges: walk from every node pixel through each neighbour that is not part of the same node
        boolean[] visited = new boolean[b.length];
        IntList xs = new IntList();
        IntList ys = new IntList();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int start = skeleton.index(x, y);
                int startNode = nodeOf[start];
                if (b[start] == 0 || startNode < 0) {
                    continue;
                }
                for (int o : offsets) {
                    int next = start + o;
                    if (b[next] == 0 || nodeOf[next] == startNode || visited[next]) {
                        continue;
                    }
                    if (nodeOf[next] >= 0) {
                        // two nodes touching directly: one edge, created from the lower id
                        if (nodeOf[next] > startNode) {
                            graph.link(startNode, nodeOf[next], new int[] {x, next % skeleton.stride() - 1},
                                    new int[] {y, next / skeleton.stride() - 1});
                        }
                        continue;
                    }
                    xs.clear();
                    ys.clear();
                    xs.add(x);
                    ys.add(y);
                    int prev = start;
                    int cur = next;
                    int end = -1;
                    while (true) {
                        visited[cur] = true;
                        xs.add(cur % skeleton.stride() - 1);
                        ys.add(cur / skeleton.stride() - 1);
                        int step = -1;
                        for (int o2 : offsets) {
                            int k = cur + o2;
                            if (b[k] == 0 || k == prev) {
                                continue;
                            }
                            if (nodeOf[k] >= 0) {
                                if (cur == next && nodeOf[k] == startNode) {
                                    continue; // first step, still beside its own junction
                                }
                                end = k;
                                break;
                            }
                            if (!visited[k]) {
                                step = k;
                            }
                        }
                        if (end >= 0 || step < 0) {
                            break;
                        }
                        prev = cur;
                        cur = step;
                    }
                    if (end < 0) {
                        continue; // ran into an already traced line: not a clean skeleton there, nothing to link
                    }
                    xs.add(end % skeleton.stride() - 1);
                    ys.add(end / skeleton.stride() - 1);
                    graph.link(startNode, nodeOf[end], xs.toArray(), ys.toArray());
                }
            }
        }
        return graph;
    }

    private void link(int a, int b, int[] xs, int[] ys) {
        add(new Edge(nodes.get(a), nodes.get(b), xs, ys));
    }

    /** Adds an edge between two nodes of this graph. */
    void add(Edge edge) {
        edges.add(edge);
        edge.from.edges.add(edge);
        edge.to.edges.add(edge);
    }

    /** A growable int array (the edge tracer's scratch buffer). */
    private static final class IntList {
        private int[] values = new int[64];
        private int size;

        void add(int v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, 2 * size);
            }
            values[size++] = v;
        }

        void clear() {
            size = 0;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
