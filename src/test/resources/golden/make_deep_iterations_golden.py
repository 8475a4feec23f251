#!/usr/bin/env -S /usr/bin/python3
# -*- coding: utf-8 -*-
"""
make_deep_iterations_golden.py -- writes deep_iterations.golden: the first iterations of the spec 1.5 cat
models, one cost per iteration, so that fast unit tests can pin them (deep.golden has the costs every 100
iterations of the full 2500-iteration runs, which take minutes).

It reuses the course functions transcribed in make_golden.py (same directory) and runs the loop bodies of
spec 1.5's two_layer_model and L_layer_model unchanged, recording the cost at every iteration.

Run by hand:  /usr/bin/python3 make_deep_iterations_golden.py   (a few seconds)
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import make_golden as mg  # noqa: E402  (sets the BLAS thread pins before numpy loads)
import numpy as np  # noqa: E402

ITERATIONS = 5
mg.SCRIPT = "src/test/resources/golden/make_deep_iterations_golden.py"


def two_layer_iterations(X, Y, layers_dims, learning_rate, num_iterations):
    """spec 1.5 two_layer_model's loop (dnn_app_utils_v2 helpers), cost recorded at every iteration."""
    np.random.seed(1)
    grads = {}
    costs = []
    (n_x, n_h, n_y) = layers_dims
    parameters = mg.initialize_parameters(n_x, n_h, n_y)
    W1, b1, W2, b2 = parameters["W1"], parameters["b1"], parameters["W2"], parameters["b2"]
    for i in range(0, num_iterations):
        A1, cache1 = mg.linear_activation_forward(X, W1, b1, "relu")
        A2, cache2 = mg.linear_activation_forward(A1, W2, b2, "sigmoid")
        cost = mg.compute_cost_app(A2, Y)
        dA2 = - (np.divide(Y, A2) - np.divide(1 - Y, 1 - A2))
        dA1, dW2, db2 = mg.linear_activation_backward(dA2, cache2, "sigmoid", mg.linear_backward_app)
        dA0, dW1, db1 = mg.linear_activation_backward(dA1, cache1, "relu", mg.linear_backward_app)
        grads['dW1'] = dW1
        grads['db1'] = db1
        grads['dW2'] = dW2
        grads['db2'] = db2
        parameters = mg.update_parameters(parameters, grads, learning_rate)
        W1, b1, W2, b2 = parameters["W1"], parameters["b1"], parameters["W2"], parameters["b2"]
        costs.append(cost)
    return parameters, costs


def l_layer_iterations(X, Y, layers_dims, learning_rate, num_iterations):
    """spec 1.5 L_layer_model's loop (dnn_app_utils_v2 helpers), cost recorded at every iteration."""
    np.random.seed(1)
    costs = []
    parameters = mg.initialize_parameters_deep_app(layers_dims)
    for i in range(0, num_iterations):
        AL, caches = mg.L_model_forward(X, parameters)
        cost = mg.compute_cost_app(AL, Y)
        grads = mg.L_model_backward(AL, Y, caches, mg.linear_backward_app)
        parameters = mg.update_parameters(parameters, grads, learning_rate)
        costs.append(cost)
    return parameters, costs


def main():
    train_x_orig, train_y, test_x_orig, test_y, classes = mg.load_dataset()
    train_x = train_x_orig.reshape(train_x_orig.shape[0], -1).T / 255.
    g = mg.Golden("deep_iterations.golden", "spec 1.5 cat models, first %d iterations" % ITERATIONS,
                  ["Same helpers as deep.golden's cat2.*/catL.* (dnn_app_utils_v2: compute_cost (1./m)*(...),",
                   "linear_backward dW = 1./m * dZ.A_prev^T), learning_rate 0.0075, cost recorded at EVERY iteration."])
    p2, c2 = two_layer_iterations(train_x, train_y, (12288, 7, 1), 0.0075, ITERATIONS)
    g.floats("cat2.first_costs", [float(c) for c in c2],
             "two_layer_model(train_x, train_y, (12288,7,1), learning_rate=0.0075): costs at iterations 0..%d"
             % (ITERATIONS - 1))
    g.matrix("cat2.after.W2", p2["W2"], "W2 after %d iterations" % ITERATIONS)
    g.matrix("cat2.after.b1", p2["b1"], "b1 after %d iterations" % ITERATIONS)
    g.matrix("cat2.after.b2", p2["b2"], "b2 after %d iterations" % ITERATIONS)
    g.float1("cat2.after.W1_sum", np.sum(p2["W1"]), "np.sum(W1) after %d iterations" % ITERATIONS)
    pL, cL = l_layer_iterations(train_x, train_y, [12288, 20, 7, 5, 1], 0.0075, ITERATIONS)
    g.floats("catL.first_costs", [float(c) for c in cL],
             "L_layer_model(train_x, train_y, [12288,20,7,5,1], learning_rate=0.0075): costs at iterations 0..%d"
             % (ITERATIONS - 1))
    for k in ("W2", "W3", "W4", "b1", "b2", "b3", "b4"):
        g.matrix("catL.after.%s" % k, pL[k], "%s after %d iterations" % (k, ITERATIONS))
    g.float1("catL.after.W1_sum", np.sum(pL["W1"]), "np.sum(W1) after %d iterations" % ITERATIONS)
    g.write()


if __name__ == "__main__":
    main()
