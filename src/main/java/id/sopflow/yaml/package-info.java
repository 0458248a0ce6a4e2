/**
 * Reading SOPflow's own YAML files (SOP sources, the organisation, the calendar) so that every problem names the
 * file, the line, the entry and the field. Plain Java on SnakeYAML's node API; shared by the
 * {@code sop}, {@code organisation} and {@code calendar} readers. Entry point: {@link id.sopflow.yaml.YamlFields}.
 */
package id.sopflow.yaml;
