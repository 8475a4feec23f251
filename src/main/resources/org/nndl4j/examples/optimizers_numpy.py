"""The second course's "Optimization methods" numpy code (and nndl4j's softmax digits run with Adam), as the
benchmark times it: the same transcription as src/test/resources/golden/make_optimizers_golden.py, whose test
values nndl4j matches; the lines marked "golden" only record values.

Run by org.nndl4j.examples.OptimizerBenchmark (python3 optimizers_numpy.py DATA_DIR RUNS WORKLOADS): it reads the
moons and digits the benchmark wrote as .npy files, runs each workload RUNS times and prints one JSON line per
run: {"workload", "seconds", "costs"} (the costs every 100 epochs for the moons, every 10 for the digits).
"""
import json
import math
import os
import sys
import time

import numpy as np

def sigmoid(x):
    s = 1 / (1 + np.exp(-x))
    return s


def relu(x):
    s = np.maximum(0, x)
    return s


def initialize_parameters(layer_dims):
    """opt_utils: He initialisation after np.random.seed(3)."""
    np.random.seed(3)
    parameters = {}
    L = len(layer_dims)
    for l in range(1, L):
        parameters['W' + str(l)] = np.random.randn(layer_dims[l], layer_dims[l - 1]) * np.sqrt(2 / layer_dims[l - 1])
        parameters['b' + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters


def forward_propagation(X, parameters):
    W1 = parameters["W1"]
    b1 = parameters["b1"]
    W2 = parameters["W2"]
    b2 = parameters["b2"]
    W3 = parameters["W3"]
    b3 = parameters["b3"]
    z1 = np.dot(W1, X) + b1
    a1 = relu(z1)
    z2 = np.dot(W2, a1) + b2
    a2 = relu(z2)
    z3 = np.dot(W3, a2) + b3
    a3 = sigmoid(z3)
    cache = (z1, a1, W1, b1, z2, a2, W2, b2, z3, a3, W3, b3)
    return a3, cache


def backward_propagation(X, Y, cache):
    m = X.shape[1]
    (z1, a1, W1, b1, z2, a2, W2, b2, z3, a3, W3, b3) = cache
    dz3 = 1. / m * (a3 - Y)
    dW3 = np.dot(dz3, a2.T)
    db3 = np.sum(dz3, axis=1, keepdims=True)
    da2 = np.dot(W3.T, dz3)
    dz2 = np.multiply(da2, np.int64(a2 > 0))
    dW2 = np.dot(dz2, a1.T)
    db2 = np.sum(dz2, axis=1, keepdims=True)
    da1 = np.dot(W2.T, dz2)
    dz1 = np.multiply(da1, np.int64(a1 > 0))
    dW1 = np.dot(dz1, X.T)
    db1 = np.sum(dz1, axis=1, keepdims=True)
    gradients = {"dz3": dz3, "dW3": dW3, "db3": db3,
                 "da2": da2, "dz2": dz2, "dW2": dW2, "db2": db2,
                 "da1": da1, "dz1": dz1, "dW1": dW1, "db1": db1}
    return gradients


def compute_logprobs(a3, Y):
    logprobs = np.multiply(-np.log(a3), Y) + np.multiply(-np.log(1 - a3), 1 - Y)
    return logprobs


def compute_cost(a3, Y):
    """Newer text: the SUM of the per-example losses of the mini-batch."""
    logprobs = compute_logprobs(a3, Y)
    cost_total = np.sum(logprobs)
    return cost_total


def compute_cost_old(a3, Y):
    """Oldest text: the mean over the mini-batch (1./m * np.sum(logprobs))."""
    m = Y.shape[1]
    logprobs = compute_logprobs(a3, Y)
    cost = 1. / m * np.sum(logprobs)
    return cost


def predict(X, y, parameters):
    m = X.shape[1]
    p = np.zeros((1, m), dtype=np.int64)
    a3, caches = forward_propagation(X, parameters)
    for i in range(0, a3.shape[1]):
        if a3[0, i] > 0.5:
            p[0, i] = 1
        else:
            p[0, i] = 0
    accuracy = np.mean((p[0, :] == y[0, :]))
    return p, float(accuracy)


def random_mini_batches(X, Y, mini_batch_size=64, seed=0):
    """Y is reshaped to (Y.shape[0], m) (the course writes (1, m); the digits run has 10 rows)."""
    np.random.seed(seed)
    m = X.shape[1]
    mini_batches = []
    permutation = list(np.random.permutation(m))
    shuffled_X = X[:, permutation]
    shuffled_Y = Y[:, permutation].reshape((Y.shape[0], m))
    inc = mini_batch_size
    num_complete_minibatches = math.floor(m / mini_batch_size)
    for k in range(0, num_complete_minibatches):
        mini_batch_X = shuffled_X[:, k * inc:(k + 1) * inc]
        mini_batch_Y = shuffled_Y[:, k * inc:(k + 1) * inc]
        mini_batches.append((mini_batch_X, mini_batch_Y))
    if m % mini_batch_size != 0:
        mini_batch_X = shuffled_X[:, num_complete_minibatches * inc:]
        mini_batch_Y = shuffled_Y[:, num_complete_minibatches * inc:]
        mini_batches.append((mini_batch_X, mini_batch_Y))
    return mini_batches


def update_parameters_with_gd(parameters, grads, learning_rate):
    L = len(parameters) // 2
    for l in range(1, L + 1):
        parameters["W" + str(l)] = parameters["W" + str(l)] - learning_rate * grads['dW' + str(l)]
        parameters["b" + str(l)] = parameters["b" + str(l)] - learning_rate * grads['db' + str(l)]
    return parameters


def initialize_velocity(parameters):
    L = len(parameters) // 2
    v = {}
    for l in range(1, L + 1):
        v["dW" + str(l)] = np.zeros(parameters["W" + str(l)].shape)
        v["db" + str(l)] = np.zeros(parameters["b" + str(l)].shape)
    return v


def update_parameters_with_momentum(parameters, grads, v, beta, learning_rate):
    L = len(parameters) // 2
    for l in range(1, L + 1):
        v["dW" + str(l)] = beta * v["dW" + str(l)] + (1 - beta) * grads['dW' + str(l)]
        v["db" + str(l)] = beta * v["db" + str(l)] + (1 - beta) * grads['db' + str(l)]
        parameters["W" + str(l)] = parameters["W" + str(l)] - learning_rate * v["dW" + str(l)]
        parameters["b" + str(l)] = parameters["b" + str(l)] - learning_rate * v["db" + str(l)]
    return parameters, v


def initialize_adam(parameters):
    L = len(parameters) // 2
    v = {}
    s = {}
    for l in range(1, L + 1):
        v["dW" + str(l)] = np.zeros(parameters["W" + str(l)].shape)
        v["db" + str(l)] = np.zeros(parameters["b" + str(l)].shape)
        s["dW" + str(l)] = np.zeros(parameters["W" + str(l)].shape)
        s["db" + str(l)] = np.zeros(parameters["b" + str(l)].shape)
    return v, s


def update_parameters_with_adam(parameters, grads, v, s, t, learning_rate=0.01,
                                beta1=0.9, beta2=0.999, epsilon=1e-8):
    L = len(parameters) // 2
    v_corrected = {}
    s_corrected = {}
    for l in range(1, L + 1):
        v["dW" + str(l)] = beta1 * v["dW" + str(l)] + (1 - beta1) * grads['dW' + str(l)]
        v["db" + str(l)] = beta1 * v["db" + str(l)] + (1 - beta1) * grads['db' + str(l)]
        v_corrected["dW" + str(l)] = v["dW" + str(l)] / (1 - np.power(beta1, t))
        v_corrected["db" + str(l)] = v["db" + str(l)] / (1 - np.power(beta1, t))
        s["dW" + str(l)] = beta2 * s["dW" + str(l)] + (1 - beta2) * np.power(grads['dW' + str(l)], 2)
        s["db" + str(l)] = beta2 * s["db" + str(l)] + (1 - beta2) * np.power(grads['db' + str(l)], 2)
        s_corrected["dW" + str(l)] = s["dW" + str(l)] / (1 - np.power(beta2, t))
        s_corrected["db" + str(l)] = s["db" + str(l)] / (1 - np.power(beta2, t))
        parameters["W" + str(l)] = parameters["W" + str(l)] - learning_rate * v_corrected["dW" + str(l)] / (
            np.sqrt(s_corrected["dW" + str(l)]) + epsilon)
        parameters["b" + str(l)] = parameters["b" + str(l)] - learning_rate * v_corrected["db" + str(l)] / (
            np.sqrt(s_corrected["db" + str(l)]) + epsilon)
    return parameters, v, s, v_corrected, s_corrected


def update_lr(learning_rate0, epoch_num, decay_rate):
    learning_rate = 1 / (1 + decay_rate * epoch_num) * learning_rate0
    return learning_rate


def schedule_lr_decay(learning_rate0, epoch_num, decay_rate, time_interval=1000):
    learning_rate = 1 / (1 + decay_rate * np.floor(epoch_num / time_interval)) * learning_rate0
    return learning_rate


def model(X, Y, layers_dims, optimizer, learning_rate=0.0007, mini_batch_size=64, beta=0.9,
          beta1=0.9, beta2=0.999, epsilon=1e-8, num_epochs=5000, print_cost=True, decay=None, decay_rate=1,
          perturb=None):
    """The notebook's model(); lines marked "golden" only record values (perturb: chaos study)."""
    L = len(layers_dims)
    costs = []
    t = 0
    seed = 10
    m = X.shape[1]
    learning_rate0 = learning_rate
    last_batch_costs = []                                # golden: older text's printed cost
    learning_rates = []                                  # golden: lr used during each recorded epoch
    first_epoch_costs = []                               # golden
    parameters = initialize_parameters(layers_dims)
    if perturb is not None:
        perturb(parameters)
    if optimizer == "gd":
        pass
    elif optimizer == "momentum":
        v = initialize_velocity(parameters)
    elif optimizer == "adam":
        v, s = initialize_adam(parameters)
    for i in range(num_epochs):
        lr_in_force = learning_rate                      # golden
        seed = seed + 1
        minibatches = random_mini_batches(X, Y, mini_batch_size, seed)
        cost_total = 0
        for minibatch in minibatches:
            (minibatch_X, minibatch_Y) = minibatch
            a3, caches = forward_propagation(minibatch_X, parameters)
            cost_total += compute_cost(a3, minibatch_Y)
            last_a3, last_Y = a3, minibatch_Y            # golden
            grads = backward_propagation(minibatch_X, minibatch_Y, caches)
            if optimizer == "gd":
                parameters = update_parameters_with_gd(parameters, grads, learning_rate)
            elif optimizer == "momentum":
                parameters, v = update_parameters_with_momentum(parameters, grads, v, beta, learning_rate)
            elif optimizer == "adam":
                t = t + 1
                parameters, v, s, _, _ = update_parameters_with_adam(parameters, grads, v, s,
                                                                     t, learning_rate, beta1, beta2, epsilon)
        cost_avg = cost_total / m
        if decay:
            learning_rate = decay(learning_rate0, i, decay_rate)
        if i < 5:                                        # golden
            first_epoch_costs.append(float(cost_avg))
        if print_cost and i % 1000 == 0:
            last_batch_costs.append(float(compute_cost_old(last_a3, last_Y)))   # golden
        if print_cost and i % 100 == 0:
            costs.append(float(cost_avg))
            learning_rates.append(float(lr_in_force))    # golden
    return {"parameters": parameters, "costs": costs, "last_batch_costs": last_batch_costs,
            "learning_rates": learning_rates, "first_epoch_costs": first_epoch_costs}


# ---------------------------------------------------------------------------
# Softmax network for the digits (spec section 5), Adam on mini-batches, same style
# ---------------------------------------------------------------------------

def initialize_parameters_digits(layer_dims):
    np.random.seed(1)
    parameters = {}
    L = len(layer_dims)
    for l in range(1, L):
        parameters['W' + str(l)] = np.random.randn(layer_dims[l], layer_dims[l - 1]) * np.sqrt(2 / layer_dims[l - 1])
        parameters['b' + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters


def softmax(z):
    zs = z - z.max(axis=0, keepdims=True)
    e = np.exp(zs)
    return e / e.sum(axis=0, keepdims=True)


def forward_softmax(X, parameters):
    W1, b1, W2, b2, W3, b3 = (parameters[k] for k in ("W1", "b1", "W2", "b2", "W3", "b3"))
    z1 = np.dot(W1, X) + b1
    a1 = relu(z1)
    z2 = np.dot(W2, a1) + b2
    a2 = relu(z2)
    z3 = np.dot(W3, a2) + b3
    a3 = softmax(z3)
    cache = (z1, a1, W1, b1, z2, a2, W2, b2, z3, a3, W3, b3)
    return a3, cache


def compute_cost_softmax(a3, Y):
    return -np.sum(Y * np.log(a3))


def backward_softmax(X, Y, cache):
    """As opt_utils' backward_propagation, with dz3 = (a3 - Y) / m for softmax + cross-entropy."""
    m = X.shape[1]
    (z1, a1, W1, b1, z2, a2, W2, b2, z3, a3, W3, b3) = cache
    dz3 = (a3 - Y) / m
    dW3 = np.dot(dz3, a2.T)
    db3 = np.sum(dz3, axis=1, keepdims=True)
    da2 = np.dot(W3.T, dz3)
    dz2 = np.multiply(da2, np.int64(a2 > 0))
    dW2 = np.dot(dz2, a1.T)
    db2 = np.sum(dz2, axis=1, keepdims=True)
    da1 = np.dot(W2.T, dz2)
    dz1 = np.multiply(da1, np.int64(a1 > 0))
    dW1 = np.dot(dz1, X.T)
    db1 = np.sum(dz1, axis=1, keepdims=True)
    return {"dW3": dW3, "db3": db3, "dW2": dW2, "db2": db2, "dW1": dW1, "db1": db1}


def model_digits(X, Y, layers_dims, learning_rate=0.0001, mini_batch_size=32, beta1=0.9, beta2=0.999,
                 epsilon=1e-8, num_epochs=300, perturb=None):
    costs = []
    first_epoch_costs = []
    t = 0
    seed = 10
    m = X.shape[1]
    parameters = initialize_parameters_digits(layers_dims)
    if perturb is not None:
        perturb(parameters)
    v, s = initialize_adam(parameters)
    for i in range(num_epochs):
        seed = seed + 1
        minibatches = random_mini_batches(X, Y, mini_batch_size, seed)
        cost_total = 0
        for minibatch_X, minibatch_Y in minibatches:
            a3, caches = forward_softmax(minibatch_X, parameters)
            cost_total += compute_cost_softmax(a3, minibatch_Y)
            grads = backward_softmax(minibatch_X, minibatch_Y, caches)
            t = t + 1
            parameters, v, s, _, _ = update_parameters_with_adam(parameters, grads, v, s, t, learning_rate,
                                                                 beta1, beta2, epsilon)
        cost_avg = cost_total / m
        if i < 5:
            first_epoch_costs.append(float(cost_avg))
        if i % 10 == 0:
            costs.append(float(cost_avg))
    return {"parameters": parameters, "costs": costs, "first_epoch_costs": first_epoch_costs}


def predict_digits(X, parameters):
    a3, _ = forward_softmax(X, parameters)
    return np.argmax(a3, axis=0)


# ---------------------------------------------------------------------------
# RMSprop (not in the course; standard definition), full batch
# ---------------------------------------------------------------------------


def main():
    data, runs, workloads = sys.argv[1], int(sys.argv[2]), sys.argv[3].split(",")
    moons_x = np.load(os.path.join(data, "moons_x.npy"))
    moons_y = np.load(os.path.join(data, "moons_y.npy"))
    digits_x = np.load(os.path.join(data, "digits_x.npy"))
    digits_y = np.load(os.path.join(data, "digits_y.npy"))
    print(json.dumps({"numpy": np.__version__, "python": sys.version.split()[0]}), flush=True)
    # interleaved (gd, momentum, Adam, digits, gd, ...), as OptimizerBenchmark runs nndl4j's
    for _ in range(runs):
        for name in workloads:
            start = time.perf_counter()
            if name == "digits-adam":
                out = model_digits(digits_x, digits_y, [64, 25, 12, 10])
            else:
                optimizer = name.split("-")[1]
                out = model(moons_x, moons_y, [2, 5, 2, 1], optimizer, num_epochs=10000, print_cost=True)
            seconds = time.perf_counter() - start
            print(json.dumps({"workload": name, "seconds": seconds, "costs": out["costs"]}), flush=True)


if __name__ == "__main__":
    main()
