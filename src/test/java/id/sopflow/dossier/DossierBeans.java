package id.sopflow.dossier;

import id.sopflow.sop.ProcessContract;
import id.sopflow.sop.StepMetadata;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The dossier's engine listener for engine tests without Spring, and the documents a step requires, put into the
 * dossier as an upload at the task's visit would (for tests whose subject is not the dossier itself).
 */
public final class DossierBeans {

    private DossierBeans() {
    }

    /** {@code beans} with the dossier's listener on {@code dataSource}. */
    public static Map<Object, Object> with(Map<Object, Object> beans, DataSource dataSource) {
        Map<Object, Object> all = new HashMap<>(beans);
        all.put(ProcessContract.DOSSIER_LISTENER_BEAN, new RequiredDocuments(new DocumentRecords(new JdbcTemplate(dataSource))));
        return all;
    }

    /** Puts every output the task's step requires into the dossier, uploaded at the task's visit. */
    public static void provideRequiredOutputs(ProcessEngine engine, DataSource dataSource, Task task) {
        UserTask element = engine.getRepositoryService().getBpmnModelInstance(task.getProcessDefinitionId()).getModelElementById(task.getTaskDefinitionKey());
        StepMetadata step = StepMetadata.of(element).orElseThrow();
        String visit = engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(task.getId()).singleResult().getActivityInstanceId();
        DocumentRecords records = new DocumentRecords(new JdbcTemplate(dataSource));
        DatabaseDocumentStore store = new DatabaseDocumentStore(new JdbcTemplate(dataSource));
        for (String kind : step.requiredOutputs()) {
            byte[] pdf = TestFiles.pdf(kind);
            String reference = store.put(new ByteArrayInputStream(pdf), pdf.length);
            records.insert(new Document(UUID.randomUUID().toString(), task.getProcessInstanceId(), task.getTenantId(), "test", kind,
                    records.nextVersion(task.getProcessInstanceId(), kind), step.number(), visit, task.getId(), kind + ".pdf",
                    "application/pdf", pdf.length, HexFormat.of().formatHex(sha256(pdf)), reference, null, "test", Instant.now(), Optional.empty()));
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
