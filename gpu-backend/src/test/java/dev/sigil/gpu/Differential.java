package dev.sigil.gpu;

import dev.sigil.crypto.EncodedItem;
import dev.sigil.crypto.Outcome;
import dev.sigil.crypto.RuleSet;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.Verdict;
import dev.sigil.crypto.VerifyBatch;
import dev.sigil.crypto.VerifyBatchBuilder;
import dev.sigil.crypto.spi.Verifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs one batch on a backend and on the CPU reference and lists every item where they differ. */
final class Differential {
    private Differential() {
    }

    static List<String> compare(Verifier backend, Scheme scheme, RuleSet rules, List<EncodedItem> items,
            Map<Verdict, Integer> seen) {
        VerifyBatchBuilder b = VerifyBatch.builder(scheme, rules, items.size());
        items.forEach(b::add);
        VerifyBatch batch = b.build();
        Outcome[] got = backend.verify(batch);
        Outcome[] cpu = OpenClTestSupport.cpu().verify(batch);
        List<String> failures = new ArrayList<>();
        if (got.length != items.size()) {
            failures.add(scheme + "/" + rules + ": " + got.length + " outcomes for " + items.size() + " items");
            return failures;
        }
        for (int i = 0; i < items.size(); i++) {
            seen.merge(cpu[i].verdict(), 1, Integer::sum);
            if (!cpu[i].equals(got[i])) {
                failures.add(scheme + "/" + rules + " item " + i + " of " + items.size() + ": cpu " + cpu[i]
                        + ", opencl " + got[i]);
            }
        }
        return failures;
    }
}
