"""The course's numpy code for the four trainings nndl4j's Benchmark times, as the spec writes it.

Run by org.nndl4j.examples.Benchmark (python3 course_numpy.py DATA_DIR RUNS WORKLOADS); it reads the
training data the benchmark wrote as .npy files, so both sides train on the same numbers, runs each
workload RUNS times and prints one JSON line per run: {"workload", "seconds", "costs"}. The costs are
recorded every 100 iterations, from iteration 0. Set OPENBLAS_NUM_THREADS (the benchmark does) to fix
numpy's thread count.

Functions are transcribed from spec sections 1.2, 1.3, 1.4 and 1.5 (with dnn_app_utils_v2's
compute_cost and linear_backward, which the spec's 1.5 code imports); printing and plotting removed.
"""
import json
import os
import sys
import time

import numpy as np


# ---------------------------------------------------------------- 1.2 logistic regression

def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def initialize_with_zeros(dim):
    return np.zeros((dim, 1)), 0


def propagate(w, b, X, Y):
    m = X.shape[1]
    A = sigmoid(np.dot(w.T, X) + b)
    cost = -(np.dot(Y, np.log(A.T)) + np.dot(np.log(1 - A), (1 - Y).T)) / m
    dw = np.dot(X, (A - Y).T) / m
    db = np.sum(A - Y) / m
    return {"dw": dw, "db": db}, np.squeeze(cost)


def optimize(w, b, X, Y, num_iterations, learning_rate):
    costs = []
    for i in range(num_iterations):
        grads, cost = propagate(w, b, X, Y)
        w = w - learning_rate * grads["dw"]
        b = b - learning_rate * grads["db"]
        if i % 100 == 0:
            costs.append(float(cost))
    return {"w": w, "b": b}, costs


def logistic(X, Y):
    w, b = initialize_with_zeros(X.shape[0])
    _, costs = optimize(w, b, X, Y, 2000, 0.005)
    return costs


# ---------------------------------------------------------------- 1.3 one hidden layer

def initialize_parameters_13(n_x, n_h, n_y):
    np.random.seed(2)
    W1 = np.random.randn(n_h, n_x) * 0.01
    b1 = np.zeros((n_h, 1))
    W2 = np.random.randn(n_y, n_h) * 0.01
    b2 = np.zeros((n_y, 1))
    return {"W1": W1, "b1": b1, "W2": W2, "b2": b2}


def forward_propagation(X, parameters):
    Z1 = np.dot(parameters["W1"], X) + parameters["b1"]
    A1 = np.tanh(Z1)
    Z2 = np.dot(parameters["W2"], A1) + parameters["b2"]
    A2 = sigmoid(Z2)
    return A2, {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}


def compute_cost_13(A2, Y):
    m = Y.shape[1]
    logprobs = np.multiply(np.log(A2), Y) + np.multiply(np.log(1 - A2), 1 - Y)
    return np.squeeze(- np.sum(logprobs) / m)


def backward_propagation(parameters, cache, X, Y):
    m = X.shape[1]
    W2 = parameters["W2"]
    A1 = cache["A1"]
    A2 = cache["A2"]
    dZ2 = A2 - Y
    dW2 = np.dot(dZ2, A1.T) / m
    db2 = np.sum(dZ2, axis=1, keepdims=True) / m
    dZ1 = np.dot(W2.T, dZ2) * (1 - np.power(A1, 2))
    dW1 = np.dot(dZ1, X.T) / m
    db1 = np.sum(dZ1, axis=1, keepdims=True) / m
    return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}


def update_parameters_13(parameters, grads, learning_rate=1.2):
    return {k: parameters[k] - learning_rate * grads["d" + k] for k in ("W1", "b1", "W2", "b2")}


def flower(X, Y):
    np.random.seed(3)
    parameters = initialize_parameters_13(X.shape[0], 4, Y.shape[0])
    costs = []
    for i in range(0, 10000):
        A2, cache = forward_propagation(X, parameters)
        cost = compute_cost_13(A2, Y)
        grads = backward_propagation(parameters, cache, X, Y)
        parameters = update_parameters_13(parameters, grads)
        if i % 100 == 0:
            costs.append(float(cost))
    return costs


# ---------------------------------------------------------------- 1.4 building blocks, 1.5 models

def relu(Z):
    return np.maximum(0, Z), Z


def sigmoid_c(Z):
    return 1 / (1 + np.exp(-Z)), Z


def relu_backward(dA, Z):
    dZ = np.array(dA, copy=True)
    dZ[Z <= 0] = 0
    return dZ


def sigmoid_backward(dA, Z):
    s = 1 / (1 + np.exp(-Z))
    return dA * s * (1 - s)


def initialize_parameters(n_x, n_h, n_y):
    np.random.seed(1)
    return {"W1": np.random.randn(n_h, n_x) * 0.01, "b1": np.zeros((n_h, 1)),
            "W2": np.random.randn(n_y, n_h) * 0.01, "b2": np.zeros((n_y, 1))}


def initialize_parameters_deep(layer_dims):  # dnn_app_utils_v2: seed 1, / sqrt(n[l-1])
    np.random.seed(1)
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters['W' + str(l)] = np.random.randn(layer_dims[l], layer_dims[l - 1]) / np.sqrt(layer_dims[l - 1])
        parameters['b' + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters


def linear_forward(A, W, b):
    return np.dot(W, A) + b, (A, W, b)


def linear_activation_forward(A_prev, W, b, activation):
    Z, linear_cache = linear_forward(A_prev, W, b)
    A, activation_cache = sigmoid_c(Z) if activation == "sigmoid" else relu(Z)
    return A, (linear_cache, activation_cache)


def L_model_forward(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L):
        A, cache = linear_activation_forward(A, parameters['W' + str(l)], parameters['b' + str(l)], "relu")
        caches.append(cache)
    AL, cache = linear_activation_forward(A, parameters['W' + str(L)], parameters['b' + str(L)], "sigmoid")
    caches.append(cache)
    return AL, caches


def compute_cost(AL, Y):  # dnn_app_utils_v2
    m = Y.shape[1]
    cost = (1. / m) * (-np.dot(Y, np.log(AL).T) - np.dot(1 - Y, np.log(1 - AL).T))
    return np.squeeze(cost)


def linear_backward(dZ, cache):  # dnn_app_utils_v2
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dW = 1. / m * np.dot(dZ, A_prev.T)
    db = 1. / m * np.sum(dZ, axis=1, keepdims=True)
    dA_prev = np.dot(W.T, dZ)
    return dA_prev, dW, db


def linear_activation_backward(dA, cache, activation):
    linear_cache, activation_cache = cache
    if activation == "relu":
        dZ = relu_backward(dA, activation_cache)
    else:
        dZ = sigmoid_backward(dA, activation_cache)
    return linear_backward(dZ, linear_cache)


def L_model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    Y = Y.reshape(AL.shape)
    dAL = - (np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    grads["dA" + str(L)], grads["dW" + str(L)], grads["db" + str(L)] = \
        linear_activation_backward(dAL, caches[L - 1], "sigmoid")
    for l in reversed(range(L - 1)):
        dA_prev, dW, db = linear_activation_backward(grads["dA" + str(l + 2)], caches[l], "relu")
        grads["dA" + str(l + 1)] = dA_prev
        grads["dW" + str(l + 1)] = dW
        grads["db" + str(l + 1)] = db
    return grads


def update_parameters(parameters, grads, learning_rate):
    L = len(parameters) // 2
    for l in range(L):
        parameters["W" + str(l + 1)] = parameters["W" + str(l + 1)] - learning_rate * grads["dW" + str(l + 1)]
        parameters["b" + str(l + 1)] = parameters["b" + str(l + 1)] - learning_rate * grads["db" + str(l + 1)]
    return parameters


def two_layer_model(X, Y, layers_dims=(12288, 7, 1), learning_rate=0.0075, num_iterations=2500):
    np.random.seed(1)
    grads = {}
    costs = []
    (n_x, n_h, n_y) = layers_dims
    parameters = initialize_parameters(n_x, n_h, n_y)
    W1, b1, W2, b2 = parameters["W1"], parameters["b1"], parameters["W2"], parameters["b2"]
    for i in range(0, num_iterations):
        A1, cache1 = linear_activation_forward(X, W1, b1, "relu")
        A2, cache2 = linear_activation_forward(A1, W2, b2, "sigmoid")
        cost = compute_cost(A2, Y)
        dA2 = - (np.divide(Y, A2) - np.divide(1 - Y, 1 - A2))
        dA1, dW2, db2 = linear_activation_backward(dA2, cache2, "sigmoid")
        dA0, dW1, db1 = linear_activation_backward(dA1, cache1, "relu")
        grads['dW1'], grads['db1'], grads['dW2'], grads['db2'] = dW1, db1, dW2, db2
        parameters = update_parameters(parameters, grads, learning_rate)
        W1, b1, W2, b2 = parameters["W1"], parameters["b1"], parameters["W2"], parameters["b2"]
        if i % 100 == 0:
            costs.append(float(cost))
    return costs


def L_layer_model(X, Y, layers_dims=(12288, 20, 7, 5, 1), learning_rate=0.0075, num_iterations=2500):
    np.random.seed(1)
    costs = []
    parameters = initialize_parameters_deep(layers_dims)
    for i in range(0, num_iterations):
        AL, caches = L_model_forward(X, parameters)
        cost = compute_cost(AL, Y)
        grads = L_model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
        if i % 100 == 0:
            costs.append(float(cost))
    return costs


# ---------------------------------------------------------------- driver

def main():
    data_dir, runs, workloads = sys.argv[1], int(sys.argv[2]), sys.argv[3].split(",")
    cat_x = np.load(os.path.join(data_dir, "cat_train_x.npy"))
    cat_y = np.load(os.path.join(data_dir, "cat_train_y.npy"))
    flower_x = np.load(os.path.join(data_dir, "flower_x.npy"))
    flower_y = np.load(os.path.join(data_dir, "flower_y.npy"))
    jobs = {
        "logistic": lambda: logistic(cat_x, cat_y),
        "flower": lambda: flower(flower_x, flower_y),
        "two-layer": lambda: two_layer_model(cat_x, cat_y),
        "l-layer": lambda: L_layer_model(cat_x, cat_y),
    }
    print(json.dumps({"numpy": np.__version__, "python": sys.version.split()[0]}), flush=True)
    for name in workloads:
        for _ in range(runs):
            t0 = time.perf_counter()
            costs = jobs[name]()
            seconds = time.perf_counter() - t0
            print(json.dumps({"workload": name, "seconds": seconds, "costs": costs}), flush=True)


if __name__ == "__main__":
    main()
