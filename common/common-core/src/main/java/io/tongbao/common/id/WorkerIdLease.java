package io.tongbao.common.id;

/** Supplies the worker id of this process; it is held exclusively while the process runs. */
public interface WorkerIdLease {

    int workerId();

    /** A fixed id: for unit tests and single-process tools only. */
    static WorkerIdLease fixed(int workerId) {
        if (workerId < 0 || workerId > IdGenerator.MAX_WORKER_ID) {
            throw new IllegalArgumentException("worker id out of range: " + workerId);
        }
        return () -> workerId;
    }
}
